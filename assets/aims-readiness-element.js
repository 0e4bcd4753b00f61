// The widget's loader for host pages (docs/embedding.md): the `<aims-readiness>` custom
// element, and `mount()` for pages that load modules themselves. One module script:
//
//   <script type="module" src="https://vendor.example/aims/aims-readiness-element.js"></script>
//   <aims-readiness mode="quick" theme="auto" accent="#0b7285" namespace="acme" share="event"></aims-readiness>
//
//   import { mount } from 'https://vendor.example/aims/aims-readiness-element.js';
//   const widget = await mount(element, { mode: 'quick', share: 'event' });
//
// The quick check alone (`mode: 'quick'`) loads the small quick build; "Continue with
// the full assessment" (and the guide) load the full app in the same place, the answers
// carried over through the storage namespace. The widget renders in the element's own
// shadow root, routes in memory (the host page's address and history are never
// touched), dispatches `aims:share` on the element when the visitor presses "Share this
// summary", and is removed by `destroy()`. The custom element re-renders when an option
// attribute changes (saved answers stay: they live in browser storage under the
// namespace) and removes itself when it leaves the page. Every file is loaded from the
// folder this one is served from.
const base = new URL('.', import.meta.url);
const builds = new Map();
function build(name) {
  if (!builds.has(name)) {
    builds.set(name, import(new URL(`${name}.js`, base).href).then(async (module) => {
      await module.default({ module_or_path: new URL(`${name}_bg.wasm`, base) });
      return module;
    }));
  }
  return builds.get(name);
}

/**
 * Mounts the widget into `element` with `options` (the same names as everywhere:
 * mode, theme, accent, namespace, share, cta-text, cta-href, lang; the element's `data-`
 * attributes are read too, the object wins). Resolves to a handle whose `destroy()`
 * removes the widget (saved answers stay).
 */
export async function mount(element, options = {}) {
  const opts = { assets: base.href, ...options };
  let widget = null;
  let destroyed = false;
  // One build at a time in the element: the quick check's (its "Continue" and the
  // guide ask for the full app with `aims:continue`), or the full app's (its quick-check
  // screen asks for the quick build with `aims:quick`).
  const show = async (name, mountOptions) => {
    const module = await build(name);
    if (destroyed) return;
    widget?.destroy();
    widget = module.mount(element, mountOptions);
  };
  const failed = (error) => console.error('aims-readiness: the widget could not be loaded', error);
  const onContinue = (event) => {
    const start = event.detail?.route;
    show('aims-readiness', start ? { ...opts, start } : opts).catch(failed);
  };
  const onQuick = (event) => {
    event.preventDefault(); // taken: the full app shows no link of its own
    show('aims-quick', opts).catch(failed);
  };
  element.addEventListener('aims:continue', onContinue);
  element.addEventListener('aims:quick', onQuick);
  await show((opts.mode ?? element.dataset.mode) === 'quick' ? 'aims-quick' : 'aims-readiness', opts);
  return {
    destroy() {
      destroyed = true;
      element.removeEventListener('aims:continue', onContinue);
      element.removeEventListener('aims:quick', onQuick);
      widget?.destroy();
      widget = null;
    },
  };
}

// `language` fixes the widget's language (and hides its menu). It is not the HTML `lang`
// attribute, which a host may set on any element just to say what its own text is in.
const OPTIONS = ['mode', 'theme', 'accent', 'namespace', 'share', 'cta-text', 'cta-href', 'language'];

class AimsReadinessElement extends HTMLElement {
  static observedAttributes = OPTIONS;
  #widget = null;
  #scheduled = false;
  #rendering = Promise.resolve();

  connectedCallback() { this.#schedule(); }
  disconnectedCallback() { this.#schedule(); }
  attributeChangedCallback() { if (this.isConnected) this.#schedule(); }

  // Several attribute changes in one task (a framework setting them one by one) lead to
  // one re-render; renders run one after the other.
  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => { this.#rendering = this.#rendering.then(() => this.#render()); });
  }

  async #render() {
    this.#scheduled = false;
    this.#widget?.destroy();
    this.#widget = null;
    if (!this.isConnected) return;
    const options = {};
    for (const name of OPTIONS) {
      const value = this.getAttribute(name);
      if (value !== null) options[name] = value;
    }
    try {
      this.#widget = await mount(this, options);
    } catch (error) {
      console.error('aims-readiness: the widget could not be loaded', error);
    }
  }
}

if (!customElements.get('aims-readiness')) customElements.define('aims-readiness', AimsReadinessElement);
