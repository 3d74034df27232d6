import http from 'node:http';

export type RawResponse = Readonly<{ status: number; headers: http.IncomingHttpHeaders; body: string }>;

/**
 * GETs a request target byte for byte: fetch() and URL would normalise `../` away, which is
 * exactly what the traversal tests must not let happen.
 */
export function rawRequest(port: number, target: string, method = 'GET'): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: target, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}
