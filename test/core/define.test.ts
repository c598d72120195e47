import '../setup.js';
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { LitElement } from 'lit';
import { CivicElement } from '../../src/core/civic-element.js';
import pkg from '../../package.json';
import { VERSION } from '../../src/core/version.js';

describe('registration', () => {
  afterEach(() => sinon.restore());

  it('keeps VERSION equal to package.json', () => {
    expect(VERSION).to.equal(pkg.version);
  });

  it('defines a tag once; defining it again, even from another copy of the class, neither throws nor warns', () => {
    const warn = sinon.stub(console, 'warn');
    class First extends CivicElement {}
    class SecondCopy extends CivicElement {}
    First.define('civic-define-test');
    expect(() => First.define('civic-define-test')).to.not.throw();
    expect(() => SecondCopy.define('civic-define-test')).to.not.throw();
    expect(customElements.get('civic-define-test')).to.equal(First);
    expect(warn.called).to.equal(false);
  });

  it('warns once per tag when another version of civic-widgets registered it first', () => {
    const warn = sinon.stub(console, 'warn');
    class OldVersion extends LitElement {
      static civicVersion = '0.0.1';
    }
    customElements.define('civic-version-test', OldVersion);
    class Current extends CivicElement {}
    expect(() => Current.define('civic-version-test')).to.not.throw();
    expect(() => Current.define('civic-version-test')).to.not.throw();
    expect(warn.callCount).to.equal(1);
    expect(String(warn.firstCall.args[0])).to.contain('0.0.1').and.contain(VERSION);
    expect(customElements.get('civic-version-test')).to.equal(OldVersion);
  });

  it('does not throw when one class is registered under a second name', () => {
    const warn = sinon.stub(console, 'warn');
    class Twice extends CivicElement {}
    Twice.define('civic-twice-a');
    expect(() => Twice.define('civic-twice-b')).to.not.throw();
    expect(warn.calledOnce).to.equal(true);
  });
});
