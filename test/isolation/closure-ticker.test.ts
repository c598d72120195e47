// Importing one widget's npm entry must not pull in the other widgets (each test file is its own page).
import '../setup.js';
import '../../src/closure-ticker/define.js';
import { expectOnly } from './expect-only.js';

describe('importing civic-widgets/closure-ticker/define.js', () => {
  it('registers <civic-closure-ticker> and loads no other widget', () => expectOnly('closure-ticker'));
});
