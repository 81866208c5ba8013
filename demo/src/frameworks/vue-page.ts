// `vue` is Vue's full build here (vite.config.ts), with the template compiler: `isCustomElement` is one of its options.
import { createApp, ref } from 'vue';
import '@wa-widgets/widgets/wa-widgets.js';
import { mintClientSecret } from './client-secret.js';

/**
 * The widgets in Vue 3: `isCustomElement` tells the compiler the `wa-` tags are not Vue components; Vue sets a
 * binding as a property when the element has one (`:strings`, `:fetch-client-secret`, `.prop` to insist) and
 * listens to the widgets' events with `@wa-…`.
 */
const app = createApp({
  setup() {
    const clientSecret = ref('');
    const heard = ref<string[]>([]);
    void mintClientSecret().then((secret) => (clientSecret.value = secret));
    const onAddCredits = (event: CustomEvent) => {
      event.preventDefault();
      heard.value.push('vue: add credits requested, the host opens its own flow');
    };
    const onQuality = (event: CustomEvent<{ rating: string }>) => heard.value.push(`vue: quality ${event.detail.rating}`);
    return { clientSecret, heard, origin: window.location.origin, fetchClientSecret: mintClientSecret, onAddCredits, onQuality };
  },
  template: `
    <wa-session :endpoint="origin" :clientSecret="clientSecret" :fetchClientSecret="fetchClientSecret" locale="en-US"
      :strings="{ balanceLabel: 'Credit (set by Vue)' }">
      <wa-balance topup @wa-add-credits-requested="onAddCredits"></wa-balance>
      <wa-quality @wa-quality-changed="onQuality"></wa-quality>
      <h2>Events heard</h2>
      <ul id="heard"><li v-for="(line, index) in heard" :key="index">{{ line }}</li></ul>
    </wa-session>`,
});
app.config.compilerOptions.isCustomElement = (tag) => tag.startsWith('wa-');
app.mount('#app');
