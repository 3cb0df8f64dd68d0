// Runs the page's cases (CASES, RUN and PAUSE_MS are defined by the suite) and posts one JSON
// report to the page's own origin. Round 0 runs every case once; cases with two attempts run again
// in round 1, after PAUSE_MS (longer than the 5 s a preflight without max-age stays cached).
'use strict';

// No `cache: 'no-store'`: Chromium 156 then bypasses the preflight cache too (observed: every
// max-age case saw a second preflight), which would hide what the cache cases check.
async function attempt(c, url) {
  const init = { method: c.method, headers: c.headers, signal: AbortSignal.timeout(10000) };
  if (c.credentials) init.credentials = 'include';
  if (c.body !== null) init.body = c.body;
  try {
    const res = await fetch(url, init);
    const reads = {};
    for (const name of c.reads) reads[name] = res.headers.get(name);
    const body = (await res.text()).slice(0, 200);
    return { verdict: 'allowed', status: res.status, type: res.type, body, reads };
  } catch (e) {
    // A CORS failure is a TypeError; a timeout is a TimeoutError (reported as such).
    return { verdict: e.name === 'TypeError' ? 'blocked' : 'error', error: `${e.name}: ${e.message}` };
  }
}

(async () => {
  const report = { origin: location.origin, secureContext: isSecureContext, results: {} };
  try {
    const rounds = Math.max(...CASES.map((c) => c.urls.length));
    for (let round = 0; round < rounds; round++) {
      if (round > 0) await new Promise((resolve) => setTimeout(resolve, PAUSE_MS));
      for (const c of CASES) {
        if (round >= c.urls.length) continue;
        (report.results[c.id] ||= []).push(await attempt(c, c.urls[round]));
      }
    }
  } catch (e) {
    report.error = String((e && e.stack) || e);
  }
  await fetch('/report?run=' + encodeURIComponent(RUN), { method: 'POST', body: JSON.stringify(report) });
  document.title = 'reported';
})();
