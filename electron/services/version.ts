import pkg from '../../package.json' with { type: 'json' };

/** The app version, inlined at build time by esbuild from package.json. */
export const APP_VERSION: string = pkg.version;
