// The figure memory's public surface, for the CLI and the extension background.
export { FigureMemory, type ImportResult, type KeptFigureDisplay, type PageInput, type PageResult } from './figure-memory';
export { MemoryPort } from './memory-port';
export type { StoragePort, StoreChange, StoreUsage } from './port';
export { DEFAULT_LIMITS, type StoreLimits } from './limits';
export { STORE_SCHEMA_VERSION, EXPORT_FORMAT, type KeptFigureRecord } from './schema';
export { FigureMemoryFormatError } from './validate';
export { canonicalPageKey } from './canonical-url';
export { formatKeptFigure, formatPageFigure, formatCrossPageConflict } from './format';
export { withCrossPageConflicts } from './cross-page';
