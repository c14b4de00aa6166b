/**
 * The Vietnamese words the dashboard and the brief share: verdicts, the scenarios' assumption
 * labels (the scenario files give them in English) and units. One list, below both shells.
 */
export type WordLang = 'en' | 'vi';

export const VERDICT_VI: Readonly<Record<string, string>> = {
  met: 'đạt',
  missed: 'không đạt',
  'on track': 'đúng hướng',
  'at risk': 'có rủi ro',
  'off track': 'chệch hướng',
  'not judged': 'chưa đánh giá',
};

export const ASSUMPTION_VI: Readonly<Record<string, string>> = {
  deflator: 'Chỉ số giảm phát GDP',
  fxChange: 'Thay đổi tỷ giá nội tệ/USD',
  populationGrowth: 'Tăng dân số',
  extraInvestment: 'Vốn dự án mới (đăng ký)',
  investmentYears: 'Số năm giải ngân',
  extraFdi: 'FDI tăng thêm mỗi năm',
  fdiDisbursement: 'Tỷ lệ giải ngân FDI',
  jobs: 'Việc làm tăng thêm',
  icor: 'ICOR',
  icorLag: 'Độ trễ ICOR',
  capitalShare: 'Tỷ phần vốn (α)',
  depreciation: 'Khấu hao (δ)',
  investmentRateExtra: 'Tỷ lệ đầu tư trên mức gốc',
  labourGrowthExtra: 'Tăng lao động trên xu hướng',
  tfpExtra: 'Tăng TFP trên xu hướng',
};

/** Units, alone or after a value ("4.9 bn US$/yr" → "4.9 tỷ USD/năm"). */
const UNIT_VI: readonly [RegExp, string][] = [
  [/bn US\$/g, 'tỷ USD'],
  [/billion USD/g, 'tỷ USD'],
  [/\/yr\b/g, '/năm'],
  [/\byears$/, 'năm'],
  [/\bpersons$/, 'người'],
  [/\bpp of GRDP$/, 'điểm % GRDP'],
  [/\bpp\//, 'điểm %/'],
];

/** A verdict in the language. */
export function verdictWord(verdict: string, lang: WordLang): string {
  return lang === 'vi' ? (VERDICT_VI[verdict] ?? verdict) : verdict;
}

/** An assumption's label in the language (the file's English label when there is no translation). */
export function assumptionLabel(key: string, label: string, lang: WordLang): string {
  return lang === 'vi' ? (ASSUMPTION_VI[key] ?? label) : label;
}

/** A unit, or a value with its unit, in the language. */
export function unitWord(text: string, lang: WordLang): string {
  return lang === 'vi' ? UNIT_VI.reduce((acc, [re, to]) => acc.replace(re, to), text) : text;
}
