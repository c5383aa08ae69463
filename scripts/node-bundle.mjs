// esbuild options shared by the tools bundled to run under plain Node outside the app
// (the benchmark, the chaos runner): one CommonJS file each, with source maps. The
// official SDK and native modules are loaded from node_modules at run time, never bundled.
export const NODE_TOOL_BUNDLE = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
  external: ['electron', 'keytar', '@azure/*'],
};
