// Importing one widget's npm entry must not pull in the other widgets (each test file is its own page).
import '../setup.js';
import '../../src/report-form/define.js';
import { expectOnly } from './expect-only.js';

describe('importing civic-widgets/report-form/define.js', () => {
  it('registers <civic-report-form> and loads no other widget', () => expectOnly('report-form'));
});
