// The react-dom flavour wires ReactDOM.flushSync for navigate(..., { flushSync: true }).
import { RouterProvider } from 'react-router/dom';
import { GraphqlProvider } from './GraphqlProvider';
import { router } from './router';

export function App() {
  return (
    <GraphqlProvider>
      <RouterProvider router={router} />
    </GraphqlProvider>
  );
}
