import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app (src/web) builds into dist/web, which the server serves; `npm run web:dev` proxies the API to PORT.
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: { outDir: '../../dist/web', emptyOutDir: true, sourcemap: true, chunkSizeWarningLimit: 2000 },
  server: { proxy: { '/api': `http://127.0.0.1:${process.env.PORT ?? '4600'}` } },
});
