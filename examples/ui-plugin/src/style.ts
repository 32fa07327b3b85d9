/** The panel's CSS, scoped under its id so it cannot restyle Stash's own UI. */
export function panelStyle(id: string): string {
  return `
#${id} { position: fixed; right: 1rem; bottom: 1rem; z-index: 2000; font: 14px/1.4 system-ui, sans-serif; }
#${id} .sdk-toggle { padding: .4rem .8rem; border-radius: .3rem; border: 0; background: #137cbd; color: #fff; cursor: pointer; }
#${id} .sdk-body { width: 22rem; max-height: 60vh; overflow: auto; margin-bottom: .5rem; padding: .8rem; border-radius: .3rem; background: #30404d; color: #f5f8fa; }
#${id} h3 { margin: .2rem 0 .4rem; font-size: 1rem; }
#${id} ul { margin: 0 0 .6rem; padding-left: 1.1rem; }
#${id} li button { margin-left: .3rem; font-size: .8rem; }
`;
}
