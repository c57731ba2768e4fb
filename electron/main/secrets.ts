/**
 * API keys for provider adapters: safeStorage-encrypted, stored in
 * <userData>/secrets.json, never in projects or logs. See secrets/secretStore.ts.
 */
import { app, safeStorage } from 'electron';
import path from 'node:path';
import { SecretStore } from './secrets/secretStore.js';

let store: SecretStore | null = null;

function secrets(): SecretStore {
  store ??= new SecretStore(path.join(app.getPath('userData'), 'secrets.json'), {
    isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
    // getSelectedStorageBackend exists on Linux only; elsewhere the OS store is always real.
    backend: () => (process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null),
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (blob) => safeStorage.decryptString(blob),
  });
  return store;
}

/** Call after app 'ready' (safeStorage needs it on every platform). */
export function getSecret(providerId: string): Promise<string | null> {
  return secrets().get(providerId);
}

export function setSecret(providerId: string, secret: string): Promise<void> {
  return secrets().set(providerId, secret);
}

export function deleteSecret(providerId: string): Promise<void> {
  return secrets().delete(providerId);
}

export function secretsUnavailableReason(): string | null {
  return secrets().unavailableReason();
}
