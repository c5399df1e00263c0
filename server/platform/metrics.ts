/** Request counts and latencies in Prometheus text exposition format (served at /metrics). */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Series {
  count: number;
  sum: number;
  buckets: number[];
}

export class HttpMetrics {
  private readonly requests = new Map<string, number>();
  private readonly durations = new Map<string, Series>();

  observe(method: string, route: string, status: number, seconds: number): void {
    const reqKey = `method="${method}",route="${escapeLabel(route)}",status="${status}"`;
    this.requests.set(reqKey, (this.requests.get(reqKey) ?? 0) + 1);
    const durKey = `method="${method}",route="${escapeLabel(route)}"`;
    let s = this.durations.get(durKey);
    if (!s) {
      s = { count: 0, sum: 0, buckets: BUCKETS.map(() => 0) };
      this.durations.set(durKey, s);
    }
    s.count++;
    s.sum += seconds;
    BUCKETS.forEach((b, i) => {
      if (seconds <= b) (s as Series).buckets[i]!++;
    });
  }

  render(): string {
    const lines = [
      '# HELP tansiq_http_requests_total HTTP requests answered, by method, route and status.',
      '# TYPE tansiq_http_requests_total counter',
      ...[...this.requests].map(([k, v]) => `tansiq_http_requests_total{${k}} ${v}`),
      '# HELP tansiq_http_request_duration_seconds Time to answer HTTP requests.',
      '# TYPE tansiq_http_request_duration_seconds histogram',
    ];
    for (const [k, s] of this.durations) {
      BUCKETS.forEach((b, i) => lines.push(`tansiq_http_request_duration_seconds_bucket{${k},le="${b}"} ${s.buckets[i]}`));
      lines.push(`tansiq_http_request_duration_seconds_bucket{${k},le="+Inf"} ${s.count}`);
      lines.push(`tansiq_http_request_duration_seconds_sum{${k}} ${s.sum}`);
      lines.push(`tansiq_http_request_duration_seconds_count{${k}} ${s.count}`);
    }
    lines.push(
      '# HELP tansiq_process_resident_memory_bytes Resident memory size.',
      '# TYPE tansiq_process_resident_memory_bytes gauge',
      `tansiq_process_resident_memory_bytes ${process.memoryUsage().rss}`,
    );
    return `${lines.join('\n')}\n`;
  }
}

const escapeLabel = (v: string) => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
