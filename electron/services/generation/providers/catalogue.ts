/**
 * Providers that offer a fixed list of models, each with its own capabilities and price (fal,
 * Replicate, Seedance): the provider's capabilities, a request's cost and the model a request
 * runs on are read from the list the same way for each.
 */
import { AppError } from '../../../../shared/errors.js';
import {
  capabilityProblem,
  type DurationRule,
  type ModelRule,
  type ProviderCapabilities,
} from '../../../../shared/generation/capabilities.js';
import { billedSeconds, priceOf } from '../../../../shared/generation/prices.js';
import { PRICES } from '../../../../shared/generation/priceList.js';
import type { GenerationRequest } from '../types.js';

export interface CatalogueModel {
  id: string;
  label: string;
  durations: DurationRule;
  /** The model's request rules with their sources (README capability notes). */
  rules?: readonly ModelRule[];
}

export interface ModelCatalogue<M extends CatalogueModel> {
  /** The provider id, as in the price table. */
  provider: string;
  /** For messages ("fal.ai"). */
  label: string;
  /** First = the default model. */
  models: readonly M[];
  /** The model for a request's model id (null = the default); undefined if unknown. */
  find(id: string | null): M | undefined;
  /** What one model can do. */
  capabilities(m: M): Omit<ProviderCapabilities, 'models'>;
}

/** The provider's capabilities: the default (first) model's, each model with its own. */
export function catalogueCapabilities<M extends CatalogueModel>(c: ModelCatalogue<M>): ProviderCapabilities {
  const first = c.models[0] as M;
  return {
    ...c.capabilities(first),
    models: c.models.map((m) => ({
      id: m.id,
      label: m.label,
      capabilities: c.capabilities(m),
      ...(m.rules ? { rules: m.rules } : {}),
    })),
  };
}

/** The price of a request on its model from the price table; null ("price unknown", never free) when it has none. */
export function catalogueCost<M extends CatalogueModel>(c: ModelCatalogue<M>, req: GenerationRequest): number | null {
  const m = c.find(req.model);
  return priceOf(PRICES, c.provider, m?.id ?? req.model, billedSeconds(req), m?.durations) ?? null;
}

/**
 * The model a request runs on. An unknown model, or a shot asking what the model cannot do, is
 * INVALID_INPUT before anything is sent (the runner then knows nothing was created).
 */
export function catalogueModel<M extends CatalogueModel>(c: ModelCatalogue<M>, req: GenerationRequest): M {
  const m = c.find(req.model);
  if (!m) {
    throw new AppError(
      'INVALID_INPUT',
      `${c.label} has no model "${req.model ?? ''}". Available: ${c.models.map((x) => x.id).join(', ')}.`,
      { model: req.model },
    );
  }
  const problem = capabilityProblem(m.label, { ...c.capabilities(m), models: [] }, req);
  if (problem) throw new AppError('INVALID_INPUT', problem, { model: m.id });
  return m;
}
