/**
 * Where the report form is, as one value, and the only way it moves: `transition(phase, event)`,
 * a pure function. An event that makes no sense in a phase (Continue while sending, a second answer
 * to one report) leaves the phase as it is. The answers themselves live in the draft; the phase says
 * what the resident sees.
 */
import type { FieldError } from './journey.js';
import { Step } from './journey.js';

export type Phase =
  /** Fetching the services (the fallback content shows). */
  | { name: 'loading' }
  /** The services could not be loaded: a message above the fallback, retried by itself. */
  | { name: 'unavailable' }
  /** On a step of the journey; `fromCheck` when it was opened by "Change" on Check your answers. */
  | { name: 'editing'; step: Step; fromCheck: boolean; errors: FieldError[] }
  /** The report (and its photos) on its way. */
  | { name: 'sending' }
  /** The council has it: its reference when known. */
  | { name: 'sent'; id: string | undefined; notice: string }
  /** Offline: kept on this device, sent later by the outbox. */
  | { name: 'queued'; entry: string }
  /** The council refused or failed it, or the device could not keep it: Check your answers, with why. */
  | { name: 'refused'; errors: FieldError[] };

export type PhaseEvent =
  /** The endpoint (or what is asked of it) changed, or a retry began. */
  | { type: 'load' }
  /** The services arrived: the journey resumes at `step`, or shows the report this device keeps. */
  | { type: 'loaded'; step: Step; queued?: string | undefined }
  | { type: 'failed' }
  | { type: 'go'; step: Step; fromCheck?: boolean }
  /** Continue passed its checks: on to `next` (or back to Check your answers, if opened from there). */
  | { type: 'continue'; next: Step }
  | { type: 'back'; previous: Step }
  /** Continue found problems, or photos were refused. */
  | { type: 'invalid'; errors: FieldError[] }
  | { type: 'send' }
  | { type: 'sent'; id?: string | undefined; notice: string }
  | { type: 'queued'; entry: string }
  | { type: 'refused'; errors: FieldError[] }
  /** The outbox found the council refused the report this form shows as queued. */
  | { type: 'queued-refused' }
  /** "Report another problem". */
  | { type: 'restart' };

/** Editing a step of the journey; never "Done" (past Check your answers there is only sending). */
export const editing = (step: Step, fromCheck = false, errors: FieldError[] = []): Phase => ({ name: 'editing', step: step === Step.Done ? Step.Check : step, fromCheck, errors });

/** The step on screen: the confirmation for sent and queued, Check your answers while sending or refused. */
export function stepOf(phase: Phase): Step | undefined {
  switch (phase.name) {
    case 'editing':
      return phase.step;
    case 'sending':
    case 'refused':
      return Step.Check;
    case 'sent':
    case 'queued':
      return Step.Done;
    default:
      return undefined;
  }
}

/** The errors shown with the phase (none outside editing and refused). */
export const errorsOf = (phase: Phase): FieldError[] => (phase.name === 'editing' || phase.name === 'refused' ? phase.errors : []);

export function transition(phase: Phase, event: PhaseEvent): Phase {
  const journey = phase.name === 'editing' || phase.name === 'refused';
  switch (event.type) {
    case 'load':
      // A new endpoint starts again; a report on its way or kept stays on screen.
      return phase.name === 'sending' || phase.name === 'sent' || phase.name === 'queued' ? phase : { name: 'loading' };
    case 'loaded':
      if (phase.name !== 'loading' && phase.name !== 'unavailable') return phase;
      return event.queued ? { name: 'queued', entry: event.queued } : editing(event.step === Step.Done ? Step.Service : event.step);
    case 'failed':
      return phase.name === 'loading' || phase.name === 'unavailable' ? { name: 'unavailable' } : phase;
    case 'go':
      return journey && event.step !== Step.Done ? editing(event.step, event.fromCheck ?? false) : phase;
    case 'continue':
      if (phase.name !== 'editing' || phase.step === Step.Check) return phase;
      return editing(phase.fromCheck ? Step.Check : event.next);
    case 'back':
      if (!journey) return phase;
      return editing(phase.name === 'editing' && phase.fromCheck ? Step.Check : event.previous);
    case 'invalid':
      return phase.name === 'editing' ? { ...phase, errors: event.errors } : phase;
    case 'send':
      return (phase.name === 'editing' && phase.step === Step.Check) || phase.name === 'refused' ? { name: 'sending' } : phase;
    case 'sent':
      // From sending; from queued (the outbox sent it); from the journey (a bot, shown a normal confirmation).
      return phase.name === 'sending' || phase.name === 'queued' || journey ? { name: 'sent', id: event.id, notice: event.notice } : phase;
    case 'queued':
      return phase.name === 'sending' ? { name: 'queued', entry: event.entry } : phase;
    case 'refused':
      return phase.name === 'sending' ? { name: 'refused', errors: event.errors } : phase;
    case 'queued-refused':
      return phase.name === 'queued' ? editing(Step.Check) : phase;
    case 'restart':
      return phase.name === 'sent' || phase.name === 'queued' ? editing(Step.Service) : phase;
  }
}
