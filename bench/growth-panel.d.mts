// Types of bench/growth-panel.mjs for the TypeScript tests that import it.
export declare const PWT_FILE: string;
export declare const PWT_SOURCE: string;
export declare function readPanel(file?: string): Map<string, Map<number, number>>;
export declare function panelHistories(panel: Map<string, Map<number, number>>, lastYear?: number): number[][];
