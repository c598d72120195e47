import '../setup.js';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { Step } from '../../src/report-form/journey.js';
import { editing, stepOf, transition, type Phase, type PhaseEvent } from '../../src/report-form/phase.js';

const run = (start: Phase, events: PhaseEvent[]) => events.reduce(transition, start);
const error = { field: 'description', text: 'Enter a description' };

describe('the report form\'s phase machine (phase.ts, alone)', () => {
  it('walks the journey: loading, each step, sending, sent, and "Report another problem"', () => {
    const steps: Phase[] = [];
    let phase: Phase = { name: 'loading' };
    for (const event of [
      { type: 'loaded', step: Step.Service },
      { type: 'continue', next: Step.Location },
      { type: 'continue', next: Step.Details },
      { type: 'invalid', errors: [error] },
      { type: 'continue', next: Step.Contact },
      { type: 'continue', next: Step.Check },
      { type: 'send' },
      { type: 'sent', id: 'REF-1', notice: '' },
      { type: 'restart' },
    ] as PhaseEvent[]) steps.push((phase = transition(phase, event)));
    expect(steps.map((p) => (p.name === 'editing' ? `${p.step}${p.errors.length ? '!' : ''}` : p.name))).to.deep.equal(['1', '2', '3', '3!', '4', '5', 'sending', 'sent', '1']);
    expect(steps[7]).to.deep.equal({ name: 'sent', id: 'REF-1', notice: '' });
  });

  it('returns to Check your answers after "Change": on Continue and on Back', () => {
    const changing = run(editing(Step.Check), [{ type: 'go', step: Step.Location, fromCheck: true }]);
    expect(changing).to.deep.equal(editing(Step.Location, true));
    expect(transition(changing, { type: 'continue', next: Step.Details })).to.deep.equal(editing(Step.Check));
    expect(transition(changing, { type: 'back', previous: Step.Service })).to.deep.equal(editing(Step.Check));
    expect(transition(editing(Step.Location), { type: 'back', previous: Step.Service })).to.deep.equal(editing(Step.Service));
  });

  it('keeps the report offline, hears the outbox send or refuse it, and keeps errors with the refusal', () => {
    const queued = run(editing(Step.Check), [{ type: 'send' }, { type: 'queued', entry: 'e1' }]);
    expect(queued).to.deep.equal({ name: 'queued', entry: 'e1' });
    expect(transition(queued, { type: 'sent', id: '7', notice: 'Thanks' })).to.deep.equal({ name: 'sent', id: '7', notice: 'Thanks' });
    expect(transition(queued, { type: 'queued-refused' })).to.deep.equal(editing(Step.Check));
    const refused = run(editing(Step.Check), [{ type: 'send' }, { type: 'refused', errors: [error] }]);
    expect(refused).to.deep.equal({ name: 'refused', errors: [error] });
    expect(stepOf(refused)).to.equal(Step.Check);
    expect(transition(refused, { type: 'send' })).to.deep.equal({ name: 'sending' }, '"Try again"');
  });

  it('ignores what makes no sense where it is: Continue or a second Send while sending, a second answer, Send before Check', () => {
    const sending: Phase = { name: 'sending' };
    for (const event of [{ type: 'continue', next: Step.Check }, { type: 'send' }, { type: 'go', step: Step.Service }, { type: 'back', previous: Step.Service }, { type: 'restart' }, { type: 'loaded', step: Step.Service }] as PhaseEvent[]) {
      expect(transition(sending, event), event.type).to.equal(sending);
    }
    const sent: Phase = { name: 'sent', id: '1', notice: '' };
    expect(transition(sent, { type: 'refused', errors: [error] })).to.equal(sent);
    expect(transition(sent, { type: 'queued', entry: 'x' })).to.equal(sent);
    expect(transition(sent, { type: 'load' }), 'a new endpoint does not hide a confirmation').to.equal(sent);
    const service = editing(Step.Service);
    expect(transition(service, { type: 'send' })).to.equal(service);
    expect(transition(service, { type: 'failed' })).to.equal(service);
    expect(transition(service, { type: 'load' })).to.deep.equal({ name: 'loading' });
    expect(transition({ name: 'loading' }, { type: 'failed' })).to.deep.equal({ name: 'unavailable' });
    expect(transition({ name: 'unavailable' }, { type: 'loaded', step: Step.Details, queued: 'e2' })).to.deep.equal({ name: 'queued', entry: 'e2' });
  });

  it('property: from any phase, any events give a well-formed phase, never a step past Check while editing, and never change their input', () => {
    const step = fc.constantFrom(Step.Service, Step.Location, Step.Details, Step.Contact, Step.Check, Step.Done);
    const errors = fc.array(fc.record({ field: fc.string(), text: fc.string() }), { maxLength: 2 });
    const event: fc.Arbitrary<PhaseEvent> = fc.oneof(
      fc.constant({ type: 'load' } as const),
      fc.record({ type: fc.constant('loaded' as const), step, queued: fc.option(fc.string(), { nil: undefined }) }),
      fc.constant({ type: 'failed' } as const),
      fc.record({ type: fc.constant('go' as const), step, fromCheck: fc.boolean() }),
      fc.record({ type: fc.constant('continue' as const), next: step }),
      fc.record({ type: fc.constant('back' as const), previous: step }),
      fc.record({ type: fc.constant('invalid' as const), errors }),
      fc.constant({ type: 'send' } as const),
      fc.record({ type: fc.constant('sent' as const), id: fc.option(fc.string(), { nil: undefined }), notice: fc.string() }),
      fc.record({ type: fc.constant('queued' as const), entry: fc.string() }),
      fc.record({ type: fc.constant('refused' as const), errors }),
      fc.constant({ type: 'queued-refused' } as const),
      fc.constant({ type: 'restart' } as const),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 40 }), (events) => {
        let phase: Phase = { name: 'loading' };
        let sendings = 0;
        for (const e of events) {
          const before = JSON.stringify(phase);
          const next = transition(phase, e);
          expect(JSON.stringify(phase), 'the input phase is not changed').to.equal(before);
          expect(JSON.stringify(transition(JSON.parse(before) as Phase, e)), 'pure').to.equal(JSON.stringify(next));
          if (next.name === 'sending' && phase.name !== 'sending') {
            sendings++;
            expect(phase.name === 'refused' || (phase.name === 'editing' && phase.step === Step.Check), `sending from ${phase.name}`).to.equal(true);
          }
          if (next.name === 'editing') expect(next.step).to.be.within(Step.Service, Step.Check);
          if ((next.name === 'queued' || next.name === 'refused') && next !== phase) expect(['sending', 'loading', 'unavailable', 'queued']).to.include(phase.name);
          phase = next;
        }
        expect(sendings).to.be.at.most(events.filter((e) => e.type === 'send').length);
      }),
      { numRuns: 300 },
    );
  });
});
