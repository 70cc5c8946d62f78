/**
 * The page's report view: the issues grouped by 四性 aspect, each with its
 * severity, code, message, file and line:column (and what was expected and
 * found), filterable by severity and by check; then the checks left to a
 * person (`manual`). Built with DOM nodes and `textContent` only: a package's
 * names and values are never parsed as HTML.
 */
import { describePackageCheck, type Aspect, type Issue, type Locale, type Report, type Severity } from '../src/index.js';

const ASPECTS: readonly Aspect[] = ['authenticity', 'integrity', 'usability', 'security'];
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
const ASPECT_LABELS: Record<Aspect, string> = { authenticity: '真实性 / Authenticity', integrity: '完整性 / Integrity', usability: '可用性 / Usability', security: '安全性 / Security' };
const SEVERITY_LABELS: Record<Severity, string> = { error: '错误 / error', warning: '警告 / warning', info: '提示 / info' };

const el = <K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, attributes: Record<string, string> = {}): HTMLElementTagNameMap[K] => {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  return node;
};

/** A check's title in the locale, with its id: `固化信息有效性（fixity.digest）`. */
function checkLabel(id: string, locale: Locale): string {
  const title = describePackageCheck(id, locale)?.title;
  return title ? `${title} (${id})` : id;
}

/** Where an issue is: `path:line:column`, or the path, or nothing. */
export function issueWhere(issue: Issue): string {
  if (issue.path === undefined) return '';
  return issue.location ? `${issue.path}:${issue.location.line}:${issue.location.column}` : issue.path;
}

const show = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value));

/**
 * Fills `view` with the report: the filters, the issues by aspect, the manual checks.
 *
 * @param view - The (emptied) container.
 * @param report - The Report shown.
 * @param locale - Language of the check titles (messages are the report's own).
 */
export function renderReport(view: HTMLElement, report: Report, locale: Locale): void {
  view.replaceChildren();
  const filters = el('fieldset', undefined, { id: 'filters' });
  filters.append(el('legend', '筛选 / Filter'));
  const severityBoxes = SEVERITIES.map((severity) => {
    const box = el('input', undefined, { type: 'checkbox', name: 'severity', value: severity });
    box.checked = true;
    const count = report.issues.filter((i) => i.severity === severity).length;
    const label = el('label');
    label.append(box, ` ${SEVERITY_LABELS[severity]} (${count}) `);
    filters.append(label);
    return box;
  });
  const checkSelect = el('select', undefined, { id: 'filter-check' });
  checkSelect.append(el('option', '全部检测项 / all checks', { value: '' }));
  for (const check of report.checks.filter((c) => (c.issues?.length ?? 0) > 0)) {
    checkSelect.append(el('option', `${checkLabel(check.id, locale)} (${check.issues?.length})`, { value: check.id }));
  }
  const checkLabelNode = el('label', '检测项 / check: ');
  checkLabelNode.append(checkSelect);
  const shown = el('span', undefined, { id: 'shown' });
  filters.append(checkLabelNode, ' ', shown);
  view.append(filters);

  const issues = el('div', undefined, { id: 'issues' });
  const rows: HTMLLIElement[] = [];
  for (const aspect of ASPECTS) {
    const ofAspect = report.issues.filter((i) => i.aspect === aspect);
    if (ofAspect.length === 0) continue;
    const section = el('section', undefined, { 'data-aspect': aspect });
    section.append(el('h4', `${ASPECT_LABELS[aspect]} (${ofAspect.length})`));
    const list = el('ul');
    for (const issue of ofAspect) {
      const row = el('li', undefined, { class: 'issue', 'data-severity': issue.severity, 'data-check': issue.checkId ?? '', 'data-code': issue.code });
      row.append(el('strong', `[${SEVERITY_LABELS[issue.severity]}] `), el('code', issue.code), ` ${issue.message}`);
      const where = issueWhere(issue);
      if (where) row.append(' — ', el('code', where, { class: 'where' }));
      const details = [
        ...(issue.expected !== undefined ? [`期望 / expected: ${show(issue.expected)}`] : []),
        ...(issue.received !== undefined ? [`实际 / received: ${show(issue.received)}`] : []),
      ];
      if (details.length > 0) row.append(el('div', details.join('; '), { class: 'details' }));
      list.append(row);
      rows.push(row);
    }
    section.append(list);
    issues.append(section);
  }
  if (rows.length === 0) issues.append(el('p', '没有问题 / no issues'));
  view.append(issues);

  const manual = report.checks.filter((c) => c.status === 'manual');
  if (manual.length > 0) {
    view.append(el('h4', `需人工检查 / Manual checks (${manual.length})`));
    const list = el('ul', undefined, { id: 'manual' });
    for (const check of manual) list.append(el('li', checkLabel(check.id, locale), { 'data-check': check.id }));
    view.append(list);
  }

  const apply = (): void => {
    const severities = new Set(severityBoxes.filter((b) => b.checked).map((b) => b.value));
    const check = checkSelect.value;
    let visible = 0;
    for (const row of rows) {
      row.hidden = !severities.has(row.dataset.severity ?? '') || (check !== '' && row.dataset.check !== check);
      if (!row.hidden) visible++;
    }
    for (const section of Array.from(issues.querySelectorAll('section'))) section.hidden = section.querySelector('li.issue:not([hidden])') === null;
    shown.textContent = `显示 ${visible} / ${rows.length} 个问题 · showing ${visible} of ${rows.length}`;
  };
  for (const box of severityBoxes) box.addEventListener('change', apply);
  checkSelect.addEventListener('change', apply);
  apply();
}
