import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { WaBalance, WaQuality, WaSession } from '@wa-widgets/widgets/react';
import { mintClientSecret } from './client-secret.js';

/**
 * The widgets in React 19: through the `@lit/react` components (properties, typed `on…` event props) and by
 * their tags in JSX (React 19 sets known properties as properties and listens to `on<event name>` props).
 */
function App() {
  const [clientSecret, setClientSecret] = useState('');
  const [heard, setHeard] = useState<string[]>([]);
  const hear = (line: string) => setHeard((lines) => [...lines, line]);
  useEffect(() => void mintClientSecret().then(setClientSecret), []);

  return (
    <WaSession
      endpoint={window.location.origin}
      clientSecret={clientSecret}
      fetchClientSecret={mintClientSecret}
      locale="en-US"
      strings={{ balanceLabel: 'Credit (set by React)' }}
    >
      <h2>Through @wa-widgets/widgets/react</h2>
      <WaBalance
        topup
        onAddCreditsRequested={(event) => {
          event.preventDefault();
          hear('wrapper: add credits requested, the host opens its own flow');
        }}
      />
      <WaQuality onQualityChanged={(event) => hear(`wrapper: quality ${event.detail.rating}`)} />

      <h2>By tag, in React 19 JSX</h2>
      <wa-number strings={{ numberLabel: 'Line (set by JSX)' }} />
      <wa-quality onwa-quality-changed={(event) => hear(`jsx: quality ${event.detail.rating}`)} />

      <h2>Events heard</h2>
      <ul id="heard">
        {heard.map((line, index) => (
          <li key={index}>{line}</li>
        ))}
      </ul>
    </WaSession>
  );
}

createRoot(document.getElementById('app')!).render(<App />);
