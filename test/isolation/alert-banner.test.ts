// Importing one widget's npm entry must not pull in the other widgets (each test file is its own page).
import '../setup.js';
import '../../src/alert-banner/define.js';
import { expectOnly } from './expect-only.js';

describe('importing civic-widgets/alert-banner/define.js', () => {
  it('registers <civic-alert-banner> and loads no other widget', () => expectOnly('alert-banner'));
});
