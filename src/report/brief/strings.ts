/**
 * The brief's words in English and Vietnamese (--lang vi). Series and region names come from
 * series.json, the targets' own wording from the targets file (wording_vi); every other word the
 * brief prints is here, so that no English is left under vi except what the inputs give in English.
 */

export type BriefLang = 'en' | 'vi';

const WORDS = {
  title: { en: 'Can {region} still reach its targets?', vi: '{region} có thể đạt các mục tiêu không?' },
  subtitle: { en: 'A targetcast brief, scenario {scenario}', vi: 'Bản tóm tắt của targetcast, kịch bản {scenario}' },
  question: { en: 'The question', vi: 'Câu hỏi' },
  questionText: {
    en: 'Which of the official economic targets for {region} are met, missed, on track, at risk or off track, and what would it take to meet the main open ones?',
    vi: 'Những mục tiêu kinh tế chính thức nào của {region} đã đạt, không đạt, đúng hướng, có rủi ro hoặc chệch hướng, và cần gì để đạt các mục tiêu chính còn mở?',
  },
  shortAnswer: { en: 'The short answer', vi: 'Trả lời ngắn' },
  counts: {
    en: 'Of {judged} official targets judged on this data: {met} met and {missed} missed (period over); of the {open} still open, {onTrack} on track, {atRisk} at risk and {offTrack} off track.',
    vi: 'Trong {judged} mục tiêu chính thức được đánh giá trên số liệu này: {met} đạt và {missed} không đạt (đã hết kỳ); trong {open} mục tiêu còn mở, {onTrack} đúng hướng, {atRisk} có rủi ro và {offTrack} chệch hướng.',
  },
  notJudgedCount: { en: '{n} more cannot be judged on this data set (listed at the end of the table).', vi: 'Thêm {n} mục tiêu chưa thể đánh giá trên bộ số liệu này (liệt kê cuối bảng).' },
  proxiesCount: { en: '{n} labelled proxies (not official targets) are shown apart.', vi: '{n} chỉ tiêu thay thế (không phải mục tiêu chính thức) được trình bày riêng.' },
  mainTargets: { en: 'Main open targets', vi: 'Các mục tiêu chính còn mở' },
  noMainTargets: { en: 'No official target is still open on this data set.', vi: 'Không còn mục tiêu chính thức nào đang mở trên bộ số liệu này.' },
  mainLine: { en: '{indicator} {when} {goal}: P(met) {p}, {verdict}; needs {need} a year from the last actual.', vi: '{indicator} {when} {goal}: P(đạt) {p}, {verdict}; cần {need} mỗi năm từ năm thực tế cuối.' },
  mainLineLevel: { en: '{indicator} {when} {goal}: P(met) {p}, {verdict}.', vi: '{indicator} {when} {goal}: P(đạt) {p}, {verdict}.' },
  whatItTakes: { en: 'What it would take', vi: 'Cần gì để đạt' },
  whatItTakesIntro: {
    en: 'For P(met) ≥ {goal}, each lever of scenario {scenario} moved alone, the others held (alternatives, not a package):',
    vi: 'Để P(đạt) ≥ {goal}, từng đòn bẩy của kịch bản {scenario} được thay đổi riêng lẻ, các giả định khác giữ nguyên (các phương án thay thế, không cộng dồn):',
  },
  seekFailed: { en: 'Goal-seek could not run for {id}: {why}', vi: 'Không thể tìm mức cần thiết cho {id}: {why}' },
  seekNone: { en: 'No lever to goal-seek: {why}', vi: 'Không có đòn bẩy để tính: {why}' },
  lever: { en: 'Lever', vi: 'Đòn bẩy' },
  now: { en: 'Now', vi: 'Hiện tại' },
  needed: { en: 'Needed', vi: 'Cần' },
  pThen: { en: 'P then', vi: 'P khi đó' },
  metOverRange: { en: 'met over the range', vi: 'đạt trên cả khoảng' },
  noEffect: { en: 'no effect', vi: 'không tác động' },
  cannotRun: { en: 'cannot run', vi: 'không chạy được' },
  notBy: { en: 'not by {value}', vi: 'chưa đủ ở {value}' },
  charts: { en: 'Charts', vi: 'Biểu đồ' },
  chartGrowth: { en: 'Real growth: history, forecast fan and targets', vi: 'Tăng trưởng thực: số liệu, dải dự báo và mục tiêu' },
  chartGrowthDesc: {
    en: '{series}: actual growth {from}-{to}, then the {scenario} scenario’s median with its {bands} bands to {end}; markers show growth targets, coloured by verdict. Median {firstYear}: {firstMedian}% (80% band {lo80} to {hi80}%).',
    vi: '{series}: tăng trưởng thực tế {from}-{to}, sau đó trung vị của kịch bản {scenario} với các dải {bands} đến {end}; các điểm đánh dấu là mục tiêu tăng trưởng, màu theo đánh giá. Trung vị {firstYear}: {firstMedian}% (dải 80% từ {lo80} đến {hi80}%).',
  },
  chartPerCapita: { en: 'GRDP per capita in US$ against its targets', vi: 'GRDP bình quân đầu người (USD) so với mục tiêu' },
  chartPerCapitaDesc: {
    en: 'Per-capita output in current US$: reported figures, then the {scenario} scenario’s median with 80% and 95% bands to {end}; markers show the per-capita targets (hollow: proxies). Median {year}: {median} US$.',
    vi: 'GRDP bình quân đầu người theo USD hiện hành: số liệu công bố, sau đó trung vị của kịch bản {scenario} với dải 80% và 95% đến {end}; các điểm đánh dấu là mục tiêu (rỗng: chỉ tiêu thay thế). Trung vị {year}: {median} USD.',
  },
  chartScenarios: { en: 'Scenarios compared: mean growth path', vi: 'So sánh kịch bản: đường tăng trưởng bình quân' },
  chartScenariosDesc: {
    en: 'Mean real growth a year under each scenario ({names}) after the actual years; the spread around each is the baseline forecast’s.',
    vi: 'Tăng trưởng thực bình quân mỗi năm theo từng kịch bản ({names}) sau các năm thực tế; độ phân tán quanh mỗi đường là của dự báo cơ sở.',
  },
  chartLever: { en: 'Lever against its history: {label}', vi: 'Đòn bẩy so với lịch sử: {label}' },
  chartLeverDesc: {
    en: '{history} by year; the dashed line is the value the scenario assumes now ({now}), the solid line the value needed for P(met {id}) ≥ {goal} ({needed}).',
    vi: '{history} theo năm; đường nét đứt là giá trị kịch bản đang giả định ({now}), đường liền là giá trị cần để P(đạt {id}) ≥ {goal} ({needed}).',
  },
  investmentRateHistory: { en: 'Investment, % of GRDP', vi: 'Vốn đầu tư, % GRDP' },
  labourGrowthHistory: { en: 'Growth of {series}, %/yr', vi: 'Tăng trưởng {series}, %/năm' },
  actual: { en: 'actual', vi: 'thực tế' },
  median: { en: 'median', vi: 'trung vị' },
  band: { en: '{level}% band', vi: 'dải {level}%' },
  year: { en: 'Year', vi: 'Năm' },
  growthAxis: { en: 'Real growth, %', vi: 'Tăng trưởng thực, %' },
  usdAxis: { en: 'US$ per person', vi: 'USD/người' },
  verdictLegend: { en: 'Target verdict', vi: 'Đánh giá mục tiêu' },
  scenarioLegend: { en: 'Scenario', vi: 'Kịch bản' },
  seriesLegend: { en: 'Line', vi: 'Đường' },
  comparisonTable: { en: 'P(met) of the main open targets under each scenario', vi: 'P(đạt) của các mục tiêu chính còn mở theo từng kịch bản' },
  scenarioFailed: { en: 'Scenario {name} cannot run on this data: {why}', vi: 'Kịch bản {name} không chạy được trên số liệu này: {why}' },
  targetTable: { en: 'Every target', vi: 'Tất cả mục tiêu' },
  targetTableIntro: {
    en: 'Past periods: achieved and gap. Open periods: the constant growth needed a year from the last actual, P(met) from {paths} simulated paths (± its Monte Carlo standard error) and the verdict: on track at P ≥ 2/3, off track below 1/3, at risk between. * marks a P within 2 standard errors of a threshold. Bases are never blended.',
    vi: 'Kỳ đã qua: kết quả và chênh lệch. Kỳ còn mở: tăng trưởng cần thiết mỗi năm từ năm thực tế cuối, P(đạt) từ {paths} đường mô phỏng (± sai số chuẩn Monte Carlo) và đánh giá: đúng hướng khi P ≥ 2/3, chệch hướng khi dưới 1/3, có rủi ro ở giữa. * đánh dấu P nằm trong 2 sai số chuẩn của một ngưỡng. Không trộn các phạm vi số liệu.',
  },
  basisCaption: { en: 'Basis: {basis}', vi: 'Phạm vi: {basis}' },
  noBasis: { en: '(none: the data have no basis column)', vi: '(không có: số liệu không có cột phạm vi)' },
  colId: { en: 'ID', vi: 'Mã' },
  colTarget: { en: 'Target', vi: 'Mục tiêu' },
  colWhen: { en: 'When', vi: 'Kỳ' },
  colGoal: { en: 'Goal', vi: 'Chỉ tiêu' },
  colDoneNeed: { en: 'Achieved / needed', vi: 'Đạt / cần' },
  colP: { en: 'P(met)', vi: 'P(đạt)' },
  colVerdict: { en: 'Verdict', vi: 'Đánh giá' },
  colDocument: { en: 'Document and source', vi: 'Văn bản và nguồn' },
  wording: { en: 'Wording', vi: 'Nguyên văn' },
  source: { en: 'source', vi: 'nguồn' },
  proxy: { en: 'proxy, not an official target', vi: 'chỉ tiêu thay thế, không phải mục tiêu chính thức' },
  needPerYear: { en: 'needs {v}/yr', vi: 'cần {v}/năm' },
  notJudgedWhy: { en: 'not judged: {why}', vi: 'chưa đánh giá: {why}' },
  notFound: { en: 'Searched for and not found', vi: 'Đã tìm nhưng không thấy' },
  assumptions: { en: 'Assumptions', vi: 'Giả định' },
  assumptionsIntro: { en: 'Scenario {scenario}: {description}', vi: 'Kịch bản {scenario}: {description}' },
  meanPath: { en: 'Mean path: {path}', vi: 'Đường bình quân: {path}' },
  colKey: { en: 'Assumption', vi: 'Giả định' },
  colValue: { en: 'Value', vi: 'Giá trị' },
  colSource: { en: 'Source or note', vi: 'Nguồn hoặc ghi chú' },
  anAssumption: { en: 'an assumption', vi: 'giả định' },
  noAssumptions: { en: 'This scenario sets no editable assumption.', vi: 'Kịch bản này không có giả định điều chỉnh được.' },
  outlook: { en: 'Outlook', vi: 'Triển vọng' },
  colYear: { en: 'Year', vi: 'Năm' },
  colGrowth: { en: 'Growth, median %', vi: 'Tăng trưởng, trung vị %' },
  col80: { en: '80% band', vi: 'Dải 80%' },
  col95: { en: '95% band', vi: 'Dải 95%' },
  colPerCapita: { en: 'GRDP per capita, US$ (median)', vi: 'GRDP/người, USD (trung vị)' },
  method: { en: 'Method', vi: 'Phương pháp' },
  methodModel: {
    en: 'Growth model {model} fitted on {series} {from}-{to} ({bases}); {paths} simulated paths from seed {seed}.',
    vi: 'Mô hình tăng trưởng {model} ước lượng trên {series} {from}-{to} ({bases}); {paths} đường mô phỏng từ hạt giống {seed}.',
  },
  methodModelReason: { en: 'Model note: {reason}', vi: 'Ghi chú mô hình: {reason}' },
  methodPrior: {
    en: 'Prior ({choice}): growth reverts towards {mean}%/yr with a half-life of {half} years; {source}.',
    vi: 'Tiên nghiệm ({choice}): tăng trưởng quay về {mean}%/năm với chu kỳ bán rã {half} năm; {source}.',
  },
  methodScenario: {
    en: 'A scenario sets the mean growth path; the spread around it is always the baseline forecast’s, so every scenario is judged with the same calibrated uncertainty.',
    vi: 'Kịch bản đặt đường tăng trưởng bình quân; độ phân tán quanh nó luôn là của dự báo cơ sở, nên mọi kịch bản được đánh giá với cùng mức bất định đã hiệu chỉnh.',
  },
  methodBridge: {
    en: 'Bridge: {bridge}. Targets are judged on data of their own basis.',
    vi: 'Nối số liệu: {bridge}. Mục tiêu được đánh giá trên số liệu cùng phạm vi.',
  },
  bridgeOther: { en: "a basis's missing years take the other basis's growth", vi: 'năm thiếu của một phạm vi lấy tăng trưởng của phạm vi kia' },
  bridgeForecast: { en: "a basis's missing years come from its own forecast", vi: 'năm thiếu của một phạm vi lấy từ dự báo của chính nó' },
  methodAccounting: {
    en: 'Growth accounting (scenario {scenario}): TFP {tfp}%/yr calibrated on {from}-{to} growth of {growth}%/yr and {labour} growth of {lg}%/yr; capital share {alpha}, investment {inv}% of GRDP, depreciation {dep}%.',
    vi: 'Hạch toán tăng trưởng (kịch bản {scenario}): TFP {tfp}%/năm hiệu chỉnh trên tăng trưởng {from}-{to} là {growth}%/năm và tăng trưởng {labour} là {lg}%/năm; tỷ phần vốn {alpha}, đầu tư {inv}% GRDP, khấu hao {dep}%.',
  },
  methodBenchmark: { en: 'How good is P? The verdict benchmark', vi: 'P tốt đến đâu? Kiểm định đánh giá' },
  methodBenchmarkIntro: {
    en: 'On real economies (Penn World Table 9.1 growth; targets over 6 future years judged from 15 years of history), the probabilities this tool gives scored as follows (lower is better; from the README’s verdict benchmark, bench/verdict.mjs):',
    vi: 'Trên các nền kinh tế thực (tăng trưởng Penn World Table 9.1; mục tiêu 6 năm tới đánh giá từ 15 năm số liệu), xác suất của công cụ đạt điểm như sau (càng thấp càng tốt; từ bảng kiểm định trong README, bench/verdict.mjs):',
  },
  methodBenchmarkMissing: { en: 'The verdict benchmark’s figures were not found (README.md, “How good is P?”).', vi: 'Không tìm thấy kết quả kiểm định (README.md, “How good is P?”).' },
  colWindow: { en: 'Window', vi: 'Giai đoạn' },
  colMethod: { en: 'Method', vi: 'Phương pháp' },
  colBrier: { en: 'Brier score', vi: 'Điểm Brier' },
  colLog: { en: 'Log score', vi: 'Điểm log' },
  provenance: { en: 'Provenance', vi: 'Nguồn gốc dữ liệu' },
  tool: { en: 'Tool', vi: 'Công cụ' },
  seed: { en: 'Seed', vi: 'Hạt giống' },
  paths: { en: 'Simulated paths', vi: 'Số đường mô phỏng' },
  generated: { en: 'Generated', vi: 'Thời điểm tạo' },
  noTimestamp: { en: 'not recorded (--no-timestamp)', vi: 'không ghi (--no-timestamp)' },
  asOf: { en: 'First year not yet over', vi: 'Năm đầu tiên chưa kết thúc' },
  inputFiles: { en: 'Inputs (sha256)', vi: 'Dữ liệu đầu vào (sha256)' },
  colInput: { en: 'Input', vi: 'Đầu vào' },
  colFile: { en: 'File', vi: 'Tệp' },
  reproduce: { en: 'Reproduce', vi: 'Tái tạo' },
  chartsOmitted: {
    en: 'Charts are in the HTML brief (`--format html`); this Markdown gives their figures as tables.',
    vi: 'Biểu đồ có trong bản HTML (`--format html`); bản Markdown này trình bày số liệu của chúng dưới dạng bảng.',
  },
  skipLink: { en: 'Skip to the short answer', vi: 'Đến phần trả lời ngắn' },
  contents: { en: 'Contents', vi: 'Mục lục' },
} as const;

export type BriefWord = keyof typeof WORDS;

export function word(key: BriefWord, lang: BriefLang, values: Readonly<Record<string, string | number>> = {}): string {
  return WORDS[key][lang].replace(/\{(\w+)\}/g, (m, k: string) => (values[k] === undefined ? m : String(values[k])));
}

/** A verdict, an assumption label, a unit in the language: the dashboard's words (src/report/words-vi.ts). */
export { assumptionLabel, verdictWord } from '../words-vi.js';
export { unitWord as unitText } from '../words-vi.js';
