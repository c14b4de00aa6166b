/**
 * Interface words in English and Vietnamese (--lang vi, or the l key). Series names come from
 * series.json, the targets' own wording from the targets file (wording_vi); everything else the
 * dashboard prints is here, so that no English is left under vi.
 */
import { assumptionLabel, unitWord, verdictWord } from '../report/words-vi.js';
import type { Lang } from '../report/dashboard-report.js';

const WORDS = {
  model: { en: 'model', vi: 'mô hình' },
  scenario: { en: 'scenario', vi: 'kịch bản' },
  to: { en: 'to', vi: 'đến' },
  basis: { en: 'basis', vi: 'phạm vi' },
  /** Years of a basis the tool derived from its parts (a pro-forma), in the header's basis runs. */
  proFormaBasis: { en: 'pro-forma {basis}', vi: '{basis} quy đổi' },
  targets: { en: 'Targets', vi: 'Mục tiêu' },
  noTargets: { en: 'No judged target for this series.', vi: 'Chưa có mục tiêu được đánh giá cho chuỗi này.' },
  assumptions: { en: 'Assumptions', vi: 'Giả định' },
  assumptionKeys: { en: '←/→ change, = type, r reset, w save', vi: '←/→ đổi, = nhập, r đặt lại, w lưu' },
  assumption: { en: 'assumption', vi: 'giả định' },
  history: { en: 'actual', vi: 'thực tế' },
  forecast: { en: 'forecast', vi: 'dự báo' },
  band: { en: '80% band', vi: 'khoảng 80%' },
  target: { en: 'target', vi: 'mục tiêu' },
  periodTarget: { en: 'period target', vi: 'mục tiêu giai đoạn' },
  split: { en: 'last actual', vi: 'năm thực tế cuối' },
  nothingToPlot: { en: 'nothing to plot', vi: 'không có gì để vẽ' },
  need: { en: 'need', vi: 'cần' },
  tooSmall: { en: 'terminal too small: need 80×24', vi: 'cửa sổ quá nhỏ: cần 80×24' },
  now: { en: 'now', vi: 'hiện' },
  qQuits: { en: 'q quits', vi: 'q để thoát' },
  help: { en: 'help', vi: 'trợ giúp' },
  quit: { en: 'quit', vi: 'thoát' },
  keysTitle: { en: 'targetcast keys', vi: 'Phím của targetcast' },
  helpVerdicts: { en: 'Verdicts: on track P ≥ 2/3, at risk, off track P < 1/3. Any key closes.', vi: 'Đánh giá: đúng hướng P ≥ 2/3, có rủi ro, chệch hướng P < 1/3. Nhấn phím bất kỳ để đóng.' },
  // Target table
  colWhen: { en: 'WHEN', vi: 'KỲ' },
  colGoal: { en: 'GOAL', vi: 'CHỈ TIÊU' },
  colNeed: { en: 'NEED/DONE', vi: 'CẦN/ĐẠT' },
  colVerdict: { en: 'VERDICT', vi: 'ĐÁNH GIÁ' },
  scrollOf: { en: 'of', vi: 'trên' },
  toScroll: { en: 'to scroll', vi: 'để cuộn' },
  // Goal-seek view
  seekTitle: { en: 'What would it take', vi: 'Cần gì để đạt' },
  lever: { en: 'LEVER', vi: 'ĐÒN BẨY' },
  leverNow: { en: 'NOW', vi: 'HIỆN TẠI' },
  needed: { en: 'NEEDED', vi: 'CẦN' },
  seekWorking: { en: 'working out each lever for P ≥ {goal}…', vi: 'đang tính từng đòn bẩy để P ≥ {goal}…' },
  seekIntro: { en: '{indicator}. Scenario {scenario}: P now {p}; for P ≥ {goal}, each lever alone:', vi: '{indicator}. Kịch bản {scenario}: P hiện {p}; để P ≥ {goal}, từng đòn bẩy riêng lẻ:' },
  seekFoot: {
    en: "Found by bisection over each lever's range on the same simulated paths; the other assumptions stay as they are. ←/→ change the probability sought.",
    vi: 'Tìm bằng phương pháp chia đôi trên khoảng của từng đòn bẩy, với cùng các đường mô phỏng; các giả định khác giữ nguyên. ←/→ đổi xác suất cần đạt.',
  },
  seekMarks: { en: "!: beyond the region's best year; !!: beyond anything plausible (e.g. investment above 60% of GRDP).", vi: '!: vượt năm tốt nhất của vùng; !!: vượt mọi mức hợp lý (vd. đầu tư trên 60% GRDP).' },
  seekPackage: { en: 'Together: {share}% of each lever\'s own answer reaches P {p}.', vi: 'Kết hợp: {share}% mức cần của mỗi đòn bẩy đạt P {p}.' },
  metOverRange: { en: 'met over the range', vi: 'đạt trên cả khoảng' },
  noEffect: { en: 'no effect', vi: 'không tác động' },
  cannotRun: { en: 'cannot run', vi: 'không chạy được' },
  notBy: { en: 'not by', vi: 'chưa đủ:' },
  // Target detail
  proxyNote: { en: ' (proxy, not an official target)', vi: ' (chỉ tiêu thay thế, không phải mục tiêu chính thức)' },
  dTarget: { en: 'Target', vi: 'Mục tiêu' },
  dIndicator: { en: 'Indicator', vi: 'Chỉ tiêu' },
  dWording: { en: 'Wording (vi)', vi: 'Nguyên văn' },
  dDocument: { en: 'Document', vi: 'Văn bản' },
  dWhen: { en: 'When / goal', vi: 'Kỳ / chỉ tiêu' },
  dBasis: { en: 'Basis', vi: 'Phạm vi' },
  dStatus: { en: 'Status', vi: 'Trạng thái' },
  dAchieved: { en: 'Achieved (gap)', vi: 'Đã đạt (chênh)' },
  dNeeded: { en: 'Growth needed', vi: 'Tăng trưởng cần' },
  dBest: { en: 'Best / recent', vi: 'Cao nhất / gần đây' },
  dP: { en: 'P(met)', vi: 'P(đạt)' },
  dReach: { en: 'Median reaches', vi: 'Trung vị đạt năm' },
  dBridged: { en: 'Bridged', vi: 'Nối số liệu' },
  dNote: { en: 'Note', vi: 'Ghi chú' },
  dSource: { en: 'Source', vi: 'Nguồn' },
  perYear: { en: '%/yr', vi: '%/năm' },
  msgName: { en: 'name: lower-case letters, digits and -', vi: 'tên: chữ thường, chữ số và -' },
  msgNotSaved: { en: 'not saved: {name} exists', vi: 'chưa lưu: {name} đã có' },
  msgTypeNumber: { en: '{label}: type a number, {min} to {max} {unit}', vi: '{label}: nhập một số, từ {min} đến {max} {unit}' },
  msgOutside: { en: '{label}: {value} is outside {min} to {max} {unit}', vi: '{label}: {value} nằm ngoài khoảng {min} đến {max} {unit}' },
  msgPickTarget: { en: 'pick a target: a, ↑/↓, then g', vi: 'chọn mục tiêu: a, ↑/↓, rồi g' },
  msgBriefWriting: { en: 'writing the brief…', vi: 'đang ghi bản tóm tắt…' },
  msgEditsDropped: { en: '{count} unsaved edit(s) of {name} dropped (w saves before s)', vi: 'đã bỏ {count} thay đổi chưa lưu của {name} (w để lưu trước khi s)' },
  msgUnsavedQuit: { en: 'unsaved edits: q again quits, w saves them', vi: 'có thay đổi chưa lưu: q lần nữa để thoát, w để lưu' },
} as const;

export type Word = keyof typeof WORDS;

export function t(word: Word, lang: Lang): string {
  return WORDS[word][lang];
}

/** A word with {name} placeholders filled in. */
export function fill(word: Word, lang: Lang, values: Readonly<Record<string, string>>): string {
  return t(word, lang).replace(/\{(\w+)\}/g, (m, k: string) => values[k] ?? m);
}

export { assumptionLabel, unitWord, verdictWord };

export const STATUS_VI: Readonly<Record<string, string>> = {
  past: 'đã qua',
  open: 'đang diễn ra',
  'not judged': 'chưa đánh giá',
};



/**
 * The footer's action labels (App.tsx builds them in English) and the help lines, in Vietnamese.
 * A label missing here is shown as it is.
 */
export const FOOTER_VI: Readonly<Record<string, string>> = {
  series: 'chuỗi',
  model: 'mô hình',
  scenario: 'kịch bản',
  horizon: 'tầm nhìn',
  edit: 'sửa',
  assumptions: 'giả định',
  choose: 'chọn',
  target: 'mục tiêu',
  'goal-seek': 'cần gì',
  'data/models': 'số liệu/mô hình',
  help: 'trợ giúp',
  keys: 'phím',
  quit: 'thoát',
  back: 'quay lại',
  scroll: 'cuộn',
  'probability sought': 'xác suất cần đạt',
  save: 'lưu',
  'save as': 'lưu thành',
  cancel: 'hủy',
  type: 'nhập',
  enter: 'nhập',
  set: 'đặt',
  details: 'chi tiết',
  'exists: overwrite? y/n': 'đã có: ghi đè? y/n',
  'any key': 'phím bất kỳ',
  'back to the chart': 'quay lại biểu đồ',
};

/** A footer label in the language. */
export function footerWord(label: string, lang: Lang): string {
  return lang === 'vi' ? FOOTER_VI[label] ?? label : label;
}

/** [keys, what they do] in each language, in the order the help shows them. */
export const HELP: Readonly<Record<Lang, readonly (readonly [string, string])[]>> = {
  en: [
    ['Tab / Shift-Tab, 1-9', 'next / previous series, or series by number'],
    ['m', 'next model (auto, naive, drift, … combo)'],
    ['s', 'next scenario (baseline, growth-accounting, …)'],
    ['h', "horizon: the region's target years"],
    ['a', 'assumptions panel on/off (wide: move focus)'],
    ['↑ / ↓', 'choose an assumption (panel) or a target (table)'],
    ['← / →, =', 'change the chosen assumption a step / type a value'],
    ['r / w', 'reset the scenario / save it under a new name'],
    ['Enter', 'details of the chosen target'],
    ['g / v', 'what it would take / how P varies (scenario × model)'],
    ['d / b', 'observations and sources / models by backtest'],
    ['c / e', 'bases (regions) side by side by P / write the brief (HTML)'],
    ['l', 'English / tiếng Việt'],
    ['Esc / ?', 'back to the chart / this help'],
    ['q, Ctrl-C', 'quit (q asks first if edits are unsaved)'],
  ],
  vi: [
    ['Tab / Shift-Tab, 1-9', 'chuỗi tiếp / trước, hoặc chuỗi theo số'],
    ['m', 'mô hình tiếp (auto, naive, drift, … combo)'],
    ['s', 'kịch bản tiếp (baseline, growth-accounting, …)'],
    ['h', 'tầm nhìn: các năm mục tiêu của vùng'],
    ['a', 'bật/tắt bảng giả định (màn rộng: chuyển vùng chọn)'],
    ['↑ / ↓', 'chọn giả định (bảng) hoặc mục tiêu (danh sách)'],
    ['← / →, =', 'đổi giả định đang chọn một bước / nhập giá trị'],
    ['r / w', 'đặt lại kịch bản / lưu dưới tên mới'],
    ['Enter', 'chi tiết mục tiêu đang chọn'],
    ['g / v', 'cần gì để đạt / P theo kịch bản × mô hình'],
    ['d / b', 'số liệu và nguồn / so sánh mô hình (kiểm định)'],
    ['c / e', 'so sánh các địa bàn theo P / ghi bản tóm tắt (HTML)'],
    ['l', 'English / tiếng Việt'],
    ['Esc / ?', 'quay lại biểu đồ / trợ giúp này'],
    ['q, Ctrl-C', 'thoát (q hỏi trước nếu còn thay đổi chưa lưu)'],
  ],
};
