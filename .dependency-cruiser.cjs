/**
 * The layering `npm run check` enforces (dependency-cruiser 17), as the README's architecture section
 * draws it:  math → optim → run → surfaces, mnist → lab → view → render → export → ui, cli;  surfaces use
 * math, optim's types and run's seeded random numbers; mnist uses math, optim and run; lab (sweeps and
 * start-point maps over many runs) uses math, optim, run and surfaces; view (the field tables
 * of the surfaces view and the MNIST options, their link codec, the race builder) uses all of those;
 * lessons (guided lessons as data: view links and figure ids) use everything up to export.
 * A layer imports only from layers to its left. Nothing outside src/ui, src/cli and the entry points imports from src/ui or
 * src/cli, except src/mnist/browser (the worker glue).
 * src/lab/browser (the start-point map's Web Workers and their pool) is glue too: it reads views (src/view) and
 * uses the Web Worker pool of src/mnist/browser. No import cycles, type-only imports included.
 */
const LOWER = {
  'src/math': [],
  'src/optim': ['src/math'],
  'src/run': ['src/math', 'src/optim'],
  surfaces: ['src/math', 'src/optim', 'src/run'],
  'src/lab': ['src/math', 'src/optim', 'src/run', 'surfaces'],
  'src/view': ['src/math', 'src/optim', 'src/run', 'surfaces', 'src/lab', 'src/mnist'],
  'src/render': ['src/math', 'src/optim', 'src/run', 'surfaces', 'src/lab', 'src/view'],
  'src/export': ['src/math', 'src/optim', 'src/run', 'surfaces', 'src/lab', 'src/view', 'src/render'],
  'src/mnist': ['src/math', 'src/optim', 'src/run'],
  'src/lessons': ['src/math', 'src/optim', 'src/run', 'surfaces', 'src/lab', 'src/view', 'src/render', 'src/export'],
};
const PROJECT = ['src/math', 'src/optim', 'src/run', 'surfaces', 'src/lab', 'src/view', 'src/render', 'src/export', 'src/lessons', 'src/mnist', 'src/ui', 'src/cli'];
const esc = (s) => s.replace(/[/.]/g, '\\$&');

const layerRules = Object.entries(LOWER).map(([layer, allowed]) => ({
  name: `layer-${layer.replace(/\//g, '-')}`,
  comment: `${layer} may import only from ${allowed.length ? allowed.join(', ') : 'itself'} (and npm packages)`,
  severity: 'error',
  from: { path: `^${esc(layer)}/`, pathNot: { 'src/mnist': '^src/mnist/browser/', 'src/lab': '^src/lab/browser/' }[layer] },
  to: { path: `^(${PROJECT.filter((p) => p !== layer && !allowed.includes(p)).map(esc).join('|')})/` },
}));

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'no import cycles, type-only imports included',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...layerRules,
    {
      name: 'ui-not-cli',
      comment: 'the app never ships CLI modules',
      severity: 'error',
      from: { path: '^src/ui/' },
      to: { path: '^src/cli/' },
    },
    {
      name: 'cli-not-ui',
      comment: 'the Node CLI never depends on the UI folder',
      severity: 'error',
      from: { path: '^src/cli/' },
      to: { path: '^src/ui/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.svelte'] },
  },
};
