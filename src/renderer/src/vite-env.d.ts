/** Vite's `?worker&url`: the URL of the bundled worker (here: an AudioWorklet module). */
declare module '*?worker&url' {
  const url: string;
  export default url;
}
