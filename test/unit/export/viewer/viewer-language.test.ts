/**
 * The offline viewer in the language chosen at export time: index.html is written in it
 * (and says so in <html lang>), bundle.js carries the viewer's words for app.js, the
 * viewer's own problem messages are translated, and hostile names stay escaped whatever
 * the language. No language means English, as before.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { writeViewer, VIEWER_CSP, type ViewerBundle } from '../../../../src-main/export/viewer';
import { MemorySink, uuid, writeBundleFixture, type TagFixture } from '../../../support/export/viewer/viewer-fixture';

const HOSTILE = '<img src=x onerror=alert(1)>';
const SCRIPT_BREAKER = '</script><script>alert(2)</script>';
const PROJECT = uuid(1, 1);
const tag: TagFixture = { id: uuid(10, 3), name: SCRIPT_BREAKER, imageCount: 1 };

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'cv-viewer-lang-'));
  writeBundleFixture(root, {
    projects: [{ id: PROJECT, name: HOSTILE, tags: [tag], images: [{ id: uuid(100, 4), width: 10, height: 10, tags: [tag] }] }],
  });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function bundleOf(sink: MemorySink): ViewerBundle {
  const out: unknown[] = [];
  runInNewContext(sink.text('viewer/data/bundle.js'), { window: { cvSteward: { receive: (value: unknown) => out.push(value) } } });
  return out[0] as ViewerBundle;
}

describe('the viewer in Traditional Chinese', () => {
  it('writes a Chinese page that declares lang="zh-TW" and keeps the strict CSP with no inline script', async () => {
    const sink = new MemorySink();
    await writeViewer(root, sink, { toolVersion: '1.0.0', language: 'zh-TW' });
    const html = sink.text('index.html');
    expect(html).toContain('<html lang="zh-TW">');
    expect(html).toContain('<title>CV Steward 匯出包</title>');
    expect(html).toContain('<h1>CV Steward 匯出包</h1>');
    expect(html).toContain('跳至主要內容');
    expect(html).toContain('<code>projects/&lt;專案識別碼&gt;/</code>');
    expect(html).toContain(`content="${VIEWER_CSP}"`);
    expect(html).not.toMatch(/<script>|<script(?![^>]*\ssrc=)[^>]*>|<style|\sstyle=|\son[a-z]+=/i);
  });

  it('hands app.js its Chinese words and the language to format numbers and dates for', async () => {
    const sink = new MemorySink();
    await writeViewer(root, sink, { toolVersion: '1.0.0', language: 'zh-TW' });
    const bundle = bundleOf(sink);
    expect(bundle.language).toBe('zh-TW');
    expect(bundle.strings.summary.heading).toBe('匯出包摘要');
    expect(bundle.strings.gallery.showing).toBe('顯示第 {{from}}–{{to}} 張，共 {{total}} 張影像。');
    // The names stay data, exactly as the service returned them.
    expect(bundle.projects[0]?.name).toBe(HOSTILE);
  });

  it('keeps hostile names escaped in the data files: nothing in them can end the script or start markup', async () => {
    const sink = new MemorySink();
    await writeViewer(root, sink, { toolVersion: '1.0.0', language: 'zh-TW' });
    for (const [file, { text }] of sink.files) {
      if (!file.startsWith('viewer/data/')) continue;
      expect(text, file).not.toMatch(/[<>&]/);
      // Chinese travels as \\uXXXX escapes too, so the encoding a browser guesses cannot garble it.
      expect([...text].filter((char) => char.charCodeAt(0) > 0x7f), file).toEqual([]);
    }
    expect(sink.text('index.html')).not.toContain('onerror');
  });

  it('reports unreadable records in Chinese', async () => {
    writeFileSync(path.join(root, 'projects', PROJECT, 'images', 'images.jsonl'), '{not json\n');
    const sink = new MemorySink();
    await writeViewer(root, sink, { toolVersion: '1.0.0', language: 'zh-TW' });
    expect(bundleOf(sink).summary.problems.map((problem) => problem.message)).toEqual([`projects/${PROJECT}/images/images.jsonl：第 1 行不是有效的 JSON；之後的紀錄不會顯示`]);
  });
});

describe('the export engine’s warnings in the viewer', () => {
  const manifest = {
    format: 'cv-steward-bundle', formatVersion: 1, tool: { name: 'CV Steward', version: '1.0.0' }, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z',
    status: 'partial', source: { endpointHost: 'h', keyFingerprint: 'f' }, selection: { projectIds: 'all', categories: ['images'] }, projects: [], counts: {},
    problems: [
      { category: 'projects', message: `Project ${PROJECT} was not found in this account (deleted since it was chosen?).`, text: { code: 'projectNotFound', params: { project: PROJECT } } },
      { category: 'images', message: 'An image record has no usable id, so its bytes could not be saved (the record is in images.jsonl).', text: { code: 'imageWithoutId' } },
      // Written by an older version (no code), or with a code this version does not know: the English stays.
      { category: 'images', message: 'Listing images: the service had an internal problem (HTTP 500).' },
      { category: 'images', message: 'Something newer.', text: { code: 'fromANewerVersion' } },
    ],
    // Last, as the engine writes it: the viewer reads only the manifest's head, up to "files".
    files: [],
  };

  it('are said in the bundle’s language when the engine stored their code, in English otherwise', async () => {
    writeBundleFixture(root, { manifest, projects: [{ id: PROJECT, name: 'p', tags: [], images: [] }] });
    const sink = new MemorySink();
    await writeViewer(root, sink, { toolVersion: '1.0.0', language: 'zh-TW' });
    expect(bundleOf(sink).summary.problems.map((problem) => problem.message)).toEqual([
      `在此帳戶中找不到專案 ${PROJECT}（可能在選取後已被刪除）。`,
      '有一筆影像記錄沒有可用的識別碼，因此無法儲存其影像檔（記錄保留在 images.jsonl 中）。',
      'Listing images: the service had an internal problem (HTTP 500).',
      'Something newer.',
    ]);
  });

  it('say a file that failed to download and a listing that fell short in the bundle’s language', async () => {
    const image = '0a1b2c3d-0000-4000-8000-000000000001';
    const problems = [
      { category: 'images', projectId: PROJECT, message: `Image ${image}: ENOSPC`, text: { code: 'imageFileFailed', params: { image, detail: 'ENOSPC' } } },
      {
        category: 'images',
        projectId: PROJECT,
        message: 'The service counts 10 workspace images, but only 8 could be listed after 2 walks (a, b): 2 are missing from this bundle. Exporting again into the same folder tries once more.',
        text: { code: 'listingGapWorkspaceImages', params: { expected: 10, found: 8, missing: 2, count: 2 } },
      },
      { category: 'models', projectId: PROJECT, message: 'Model ONNX of iteration it-1: gone', text: { code: 'modelFileFailed', params: { model: 'ONNX', iteration: 'it-1', detail: 'gone' } } },
    ];
    writeBundleFixture(root, { manifest: { ...manifest, problems }, projects: [{ id: PROJECT, name: 'p', tags: [], images: [] }] });
    const sink = new MemorySink();
    await writeViewer(root, sink, { toolVersion: '1.0.0', language: 'zh-TW' });
    expect(bundleOf(sink).summary.problems.map((problem) => problem.message)).toEqual([
      `影像 ${image}：ENOSPC`,
      '服務計算工作區中有 10 張影像，但列出 2 次後只取得 8 張：這個匯出包缺少 2 張。再次匯出到同一個資料夾會再試一次。',
      '反覆項目 it-1 的模型 ONNX：gone',
    ]);
  });
});

describe('the viewer without a language', () => {
  it('is English, as bundles were before the choice existed', async () => {
    const sink = new MemorySink();
    await writeViewer(root, sink, { toolVersion: '1.0.0' });
    const html = sink.text('index.html');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>CV Steward export bundle</h1>');
    expect(html).toContain('<code>projects/&lt;project id&gt;/</code>');
    expect(html).not.toMatch(/[\u3400-\u9fff]/);
    const bundle = bundleOf(sink);
    expect(bundle.language).toBe('en');
    expect(bundle.strings.summary.heading).toBe('Bundle summary');
  });
});
