// Importing one widget's npm entry must not pull in the other widgets (each test file is its own page).
import '../setup.js';
import '../../src/share-bar/define.js';
import { expectOnly } from './expect-only.js';

describe('importing civic-widgets/share-bar/define.js', () => {
  it('registers <civic-share-bar> and loads no other widget', () => expectOnly('share-bar'));
});
