import { expectingBugs, takeErrors } from '../setup.js';
import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { pendingTasks, schedule } from '../../src/core/scheduler.js';
import { resetPageVisibility, setPageHidden, until } from '../helpers.js';

describe('the scheduler (one timer for the page)', () => {
  afterEach(() => {
    sinon.restore();
    resetPageVisibility();
  });

  it('runs tasks when due, earliest first, and a cancelled one never', async () => {
    const ran: string[] = [];
    schedule(60, () => ran.push('b'));
    const cancel = schedule(10, () => ran.push('never'));
    schedule(20, () => ran.push('a'));
    cancel();
    await until(() => ran.length === 2, 'both tasks');
    expect(ran).to.deep.equal(['a', 'b']);
  });

  it('runs nothing while the page is hidden, and catches up once it is shown', async () => {
    const clock = sinon.useFakeTimers({ now: Date.now(), toFake: ['Date', 'setTimeout', 'clearTimeout'] });
    const ran: string[] = [];
    setPageHidden(true);
    schedule(1000, () => ran.push('poll'));
    await clock.tickAsync(60_000);
    expect(ran).to.deep.equal([]);
    expect(pendingTasks()).to.be.greaterThan(0);
    setPageHidden(false);
    await clock.tickAsync(0);
    expect(ran).to.deep.equal(['poll']);
  });

  it('trusts its timer: a task runs when its timer fires even if the wall clock has not moved (set back, or frozen)', async () => {
    sinon.useFakeTimers({ now: Date.now(), toFake: ['Date'] }); // Date frozen; real timers
    let ran = false;
    schedule(30, () => (ran = true));
    await until(() => ran, 'the task', 2000);
  });

  it('reports a task that throws (a bug) and still runs the others', async () => {
    const ran: string[] = [];
    await expectingBugs(async () => {
      schedule(5, () => {
        throw new TypeError('a bug in a task');
      });
      schedule(5, () => ran.push('other'));
      await until(() => ran.length === 1, 'the other task');
    });
    expect(takeErrors().join()).to.match(/a bug in a task/);
  });
});
