/**
 * Colours for methods and classes, shared by the app and the reports: colour-blind-safe
 * (Okabe & Ito 2008, "Color Universal Design"; the hard-to-see yellow replaced by olive), and
 * distinct in grey-scale print by lightness. Eight methods at most (MAX_METHODS).
 */
export const METHOD_COLORS = ['#0072B2', '#E69F00', '#009E73', '#D55E00', '#CC79A7', '#56B4E9', '#000000', '#999933'];
export const CLASS_COLORS = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#999933', '#000000', '#999999', '#882255'];
export const methodColor = (i: number) => METHOD_COLORS[i % METHOD_COLORS.length];
export const classColor = (c: number) => CLASS_COLORS[c % CLASS_COLORS.length];
