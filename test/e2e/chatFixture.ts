/**
 * The e2e `test` with a fake OpenAI-compatible chat endpoint (test/fakes/openaiChat.ts), one per
 * worker, that `storyboard serve` is pointed at (STORYBOARD_LLM_BASE_URL, model "fake-model"):
 * the AI breakdown and the prompt enhancer specs.
 */
import { startChatFake, type ChatFake } from '../fakes/openaiChat.js';
import { test as base } from './fixtures.js';

export const test = base.extend<object, { fake: ChatFake }>({
  fake: [
    // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure
    async ({}, use) => {
      const fake = await startChatFake('valid');
      try {
        await use(fake);
      } finally {
        await fake.close();
      }
    },
    { scope: 'worker' },
  ],
  serveEnv: async ({ fake }, use) => {
    await use({ STORYBOARD_LLM_BASE_URL: fake.baseUrl, STORYBOARD_LLM_MODEL: 'fake-model' });
  },
});
