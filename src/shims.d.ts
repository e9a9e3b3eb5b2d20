// picomatch ships its POSIX-only entry (no `path` or `process`, so it runs in browsers) without types of its own.
declare module 'picomatch/posix.js' {
  import picomatch from 'picomatch'
  export default picomatch
}
