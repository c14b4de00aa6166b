/** Interface words in English and Vietnamese (--lang vi, or the l key). Series names come from series.json. */
import type { Lang } from '../report/dashboard-report.js';

const WORDS = {
  model: { en: 'model', vi: 'mô hình' },
  scenario: { en: 'scenario', vi: 'kịch bản' },
  to: { en: 'to', vi: 'đến' },
  basis: { en: 'basis', vi: 'phạm vi' },
  targets: { en: 'Targets', vi: 'Mục tiêu' },
  noTargets: { en: 'No judged target for this series.', vi: 'Chưa có mục tiêu được đánh giá cho chuỗi này.' },
  assumptions: { en: 'Assumptions', vi: 'Giả định' },
  history: { en: 'actual', vi: 'thực tế' },
  forecast: { en: 'forecast', vi: 'dự báo' },
  band: { en: '80% band', vi: 'khoảng 80%' },
  target: { en: 'target', vi: 'mục tiêu' },
  need: { en: 'need', vi: 'cần' },
  tooSmall: { en: 'terminal too small: need 80×24', vi: 'cửa sổ quá nhỏ: cần 80×24' },
  help: { en: 'help', vi: 'trợ giúp' },
  quit: { en: 'quit', vi: 'thoát' },
  seekTitle: { en: 'What would it take', vi: 'Cần gì để đạt' },
  lever: { en: 'LEVER', vi: 'ĐÒN BẨY' },
  now: { en: 'NOW', vi: 'HIỆN TẠI' },
  needed: { en: 'NEEDED', vi: 'CẦN' },
} as const;

export type Word = keyof typeof WORDS;

export function t(word: Word, lang: Lang): string {
  return WORDS[word][lang];
}

export const VERDICT_VI: Readonly<Record<string, string>> = {
  met: 'đạt',
  missed: 'không đạt',
  'on track': 'đúng hướng',
  'at risk': 'có rủi ro',
  'off track': 'chệch hướng',
  'not judged': 'chưa đánh giá',
};
