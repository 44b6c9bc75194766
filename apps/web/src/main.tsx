// The shared styles first: feature modules' stylesheets (imported by their index.ts) come after them.
import './shared/styles/index.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { restoreSession } from './shared/session';

// Restore the session from the stored refresh token before anything asks for data;
// the auth exchange holds operations until this settles.
void restoreSession();

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
