-- Shared by bench/run's wrk scripts (loaded with dofile from the repository root, where bench/run runs wrk):
-- the one summary line bench/run reads, and a check that reports, once per thread, the first answer that lacks
-- the text every good answer has (the run is then worthless).
local reported = false

function report_unexpected(body, marker)
  if not reported and not string.find(body, marker, 1, true) then
    reported = true
    io.stderr:write("unexpected answer: " .. string.sub(body, 1, 200) .. "\n")
  end
end

function done(summary, latency, requests)
  io.write(string.format("requests %d, errors %d, p50 %.1f ms, p99 %.1f ms, %.0f req/s, p99.9 %.1f ms\n",
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout,
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6),
    latency:percentile(99.9) / 1000))
end
