const t = performance.now();
const { ts } = await import('./dist/src/engine/ts.js');
console.log('load ts', (performance.now() - t).toFixed(0), typeof ts.createSourceFile);
