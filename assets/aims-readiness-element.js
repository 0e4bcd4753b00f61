// The <aims-readiness> custom element: the third way to embed the widget (beside the
// iframe and mount(); docs/embedding.md). One module script defines it:
//
//   <script type="module" src="https://vendor.example/aims/aims-readiness-element.js"></script>
//   <aims-readiness mode="quick" theme="auto" accent="#0b7285" namespace="acme" share="event"></aims-readiness>
//
// The widget renders in the element's own shadow root, routes in memory (the host
// page's address and history are never touched), dispatches `aims:share` on the
// element when the visitor presses "Share this summary", re-renders when an option
// attribute changes (saved answers stay: they live in browser storage under the
// namespace) and removes itself when the element leaves the page. The wasm module and
// its glue are loaded from the folder this file is served from.
const base = new URL('.', import.meta.url);
let loading = null;
function widgetModule() {
  loading ??= import(new URL('aims-readiness.js', base).href).then(async (module) => {
    await module.default({ module_or_path: new URL('aims-readiness_bg.wasm', base) });
    return module;
  });
  return loading;
}

// `language` fixes the widget's language (and hides its menu). It is not the HTML `lang`
// attribute, which a host may set on any element just to say what its own text is in.
const OPTIONS = ['mode', 'theme', 'accent', 'namespace', 'share', 'cta-text', 'cta-href', 'language'];

class AimsReadinessElement extends HTMLElement {
  static observedAttributes = OPTIONS;
  #widget = null;
  #scheduled = false;

  connectedCallback() { this.#schedule(); }
  disconnectedCallback() { this.#schedule(); }
  attributeChangedCallback() { if (this.isConnected) this.#schedule(); }

  // Several attribute changes in one task (a framework setting them one by one) lead to
  // one re-render.
  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => this.#render());
  }

  async #render() {
    let module;
    try {
      module = await widgetModule();
    } catch (error) {
      this.#scheduled = false;
      console.error('aims-readiness: the widget could not be loaded', error);
      return;
    }
    this.#scheduled = false;
    this.#widget?.destroy();
    this.#widget = null;
    if (!this.isConnected) return;
    // Files the widget loads on demand (the guide) come from the same folder.
    const options = { assets: base.href };
    for (const name of OPTIONS) {
      const value = this.getAttribute(name);
      if (value !== null) options[name] = value;
    }
    this.#widget = module.mount(this, options);
  }
}

if (!customElements.get('aims-readiness')) customElements.define('aims-readiness', AimsReadinessElement);
