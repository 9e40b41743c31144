/**
 * A target is any of { minRatio, minRps, maxP99Ms } (SPEC §6 writes them that way). The verdict is ✗ when a
 * check fails or the run had failed requests, and ? when a ratio cannot be computed (the baseline did not run).
 */
export function evaluate(target = {}, result, baselineRps) {
  const ratio = baselineRps ? result.requestsPerSecond / baselineRps : null;
  const checks = [];
  if (target.minRatio !== undefined) {
    checks.push({
      label: `≥ ${Math.round(target.minRatio * 100)}% of baseline`,
      ok: ratio === null ? null : ratio >= target.minRatio,
    });
  }
  if (target.minRps !== undefined) {
    checks.push({ label: `≥ ${target.minRps} req/s`, ok: result.requestsPerSecond >= target.minRps });
  }
  if (target.maxP99Ms !== undefined) {
    checks.push({ label: `p99 ≤ ${target.maxP99Ms} ms`, ok: result.p99Ms <= target.maxP99Ms });
  }
  const failedRequests = result.non2xx + result.errors + result.timeouts > 0;
  let verdict = '';
  if (failedRequests || checks.some((c) => c.ok === false)) verdict = '✗';
  else if (checks.some((c) => c.ok === null)) verdict = '?';
  else if (checks.length > 0) verdict = '✓';
  return { ratio, label: checks.map((c) => c.label).join(', ') || '—', verdict, failedRequests };
}

/**
 * The start-up target { maxReadyMs, maxIdleRssMb }: every start counts, the cold one (migrations) as much as the
 * warm ones, since "ready ≤ 2 s after install and build" is the first start. ? when RSS cannot be read (not Linux).
 */
export function evaluateStartup(target, result) {
  const checks = [
    { ok: Math.max(result.coldMs, result.warmMaxMs) <= target.maxReadyMs },
    { ok: result.idleRssMb === null ? null : result.idleRssMb <= target.maxIdleRssMb },
  ];
  let verdict = '✓';
  if (checks.some((c) => c.ok === false)) verdict = '✗';
  else if (checks.some((c) => c.ok === null)) verdict = '?';
  return { label: `ready ≤ ${target.maxReadyMs} ms; idle ≤ ${target.maxIdleRssMb} MB`, verdict };
}

/**
 * Scenarios that are not one request under load (latency of single requests, a bulk job's time, a drain rate, memory
 * growth) return `figures`: each { label, value, unit, max?, min? } is checked against its own bounds (both: a
 * range, or an exact count when equal). A figure
 * without a bound is reported only. The row's verdict is ✗ when a figure misses or requests failed, ? when a bounded
 * figure could not be measured (value null), else ✓.
 */
export function evaluateFigures(figures, failedRequests = 0) {
  const checked = figures.map((figure) => {
    const { value, max, min } = figure;
    const unit = figure.unit ? ` ${figure.unit}` : '';
    let targetLabel = '—';
    if (max !== undefined) targetLabel = `≤ ${max}${unit}`;
    if (min !== undefined) targetLabel = max === min ? `= ${min}${unit}` : `≥ ${min}${unit}`;
    const measured = value !== null && value !== undefined && !Number.isNaN(value);
    const ok = measured ? (max === undefined || value <= max) && (min === undefined || value >= min) : null;
    const bounded = max !== undefined || min !== undefined;
    return { ...figure, targetLabel, verdict: bounded ? verdictOf(ok) : '' };
  });
  let verdict = '✓';
  if (failedRequests > 0 || checked.some((f) => f.verdict === '✗')) verdict = '✗';
  else if (checked.some((f) => f.verdict === '?')) verdict = '?';
  const label = checked.filter((f) => f.targetLabel !== '—').map((f) => `${f.label} ${f.targetLabel}`);
  return { figures: checked, verdict, label: label.join('; ') || '—', failedRequests: failedRequests > 0 };
}

const verdictOf = (ok) => {
  if (ok === null) return '?';
  return ok ? '✓' : '✗';
};
