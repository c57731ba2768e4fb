/**
 * The e2e `test` with a fake OpenAI-compatible chat endpoint (test/fakes/openaiChat.ts), one per
 * worker, that `storyboard serve` is pointed at (STORYBOARD_LLM_BASE_URL, model "fake-model"):
 * the AI breakdown and the prompt enhancer specs.
 */
import { startChatFake, type ChatFake } from '../fakes/openaiChat.js';
import { test as base, workerFake } from './fixtures.js';

export const test = base.extend<object, { fake: ChatFake }>({
  fake: workerFake(
    () => startChatFake('valid'),
    (f) => f.close(),
  ),
  serveEnv: async ({ fake }, use) => {
    await use({ STORYBOARD_LLM_BASE_URL: fake.baseUrl, STORYBOARD_LLM_MODEL: 'fake-model' });
  },
});
