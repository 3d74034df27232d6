import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { FrameType, LoginCode, decodeFrame, encodeFrame } from '../../../shared/protocol';
import { repoRoot, tempDir, waitFor } from '../../helpers/serverProcess';
import { configArgs } from '../helpers/serverFiles';

/** A self-signed certificate for 127.0.0.1, made with the system's openssl for this test only. */
function selfSignedCertificate(): { certFile: string; keyFile: string; cert: Buffer } {
  const dir = tempDir('tidings-tls-');
  const certFile = path.join(dir, 'cert.pem');
  const keyFile = path.join(dir, 'key.pem');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      keyFile,
      '-out',
      certFile,
      '-days',
      '2',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  return { certFile, keyFile, cert: fs.readFileSync(certFile) };
}

function httpsJson(
  url: string,
  ca: Buffer,
  method = 'GET',
  body?: unknown,
): Promise<{ status: number; body: unknown }> {
  return new Promise((resolve, reject) => {
    const request = https.request(
      url,
      { method, ca, headers: { 'content-type': 'application/json' } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as unknown }),
        );
      },
    );
    request.on('error', reject);
    request.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

describe('TLS', () => {
  it('serves https and wss with the configured certificate, and refuses an untrusted client', async () => {
    const { certFile, keyFile, cert } = selfSignedCertificate();
    const child = spawn(
      process.execPath,
      [
        path.join(repoRoot, 'dist/server/main.mjs'),
        '--host',
        '127.0.0.1',
        '--port',
        '0',
        '--data-dir',
        tempDir('tidings-tls-data-'),
        ...configArgs({ tls: { certFile, keyFile }, publicUrl: 'https://chat.example.com' }),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.resume();
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const url = await waitFor(() => /listening on (https:\/\/127\.0\.0\.1:\d+)/.exec(stdout)?.[1], {
        what: 'https listening line',
      });
      expect(stdout).toBe(`Tidings server listening on ${url}\n`);
      expect(await httpsJson(`${url}/healthz`, cert)).toEqual({ status: 200, body: { ok: true } });

      // Without our CA the client refuses the certificate: it really is TLS with that certificate.
      await expect(httpsJson(`${url}/healthz`, Buffer.from(''))).rejects.toThrow(/self-signed|certificate/i);

      const registered = await httpsJson(`${url}/api/auth/register`, cert, 'POST', {
        username: 'tls_user',
        password: 'secret-pw',
        displayName: 'TLS',
      });
      expect(registered.status).toBe(201);
      const { userId, token } = registered.body as { userId: string; token: string };

      const socket = new WebSocket(`${url.replace('https', 'wss')}/websocket`, {
        ca: cert,
        perMessageDeflate: false,
      });
      const reply = await new Promise<number>((resolve, reject) => {
        socket.on('error', reject);
        socket.on('open', () =>
          socket.send(
            encodeFrame({
              type: FrameType.login,
              dataContent: JSON.stringify({
                loginUserId: userId,
                loginToken: token,
                extra: null,
                firstLoginTime: 0,
              }),
            }),
          ),
        );
        socket.on('message', (data: Buffer) => {
          const frame = decodeFrame(data.toString('utf8'));
          if (frame.ok && frame.value.type === FrameType.loginResponse)
            resolve((JSON.parse(frame.value.dataContent ?? '{}') as { code: number }).code);
        });
      });
      expect(reply).toBe(LoginCode.ok);
      socket.close();

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  });
});
