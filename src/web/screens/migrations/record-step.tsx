import { useState } from 'react';
import { type ApiProblem, api, programPath } from '../../api/client';
import { Dialog } from '../../components/dialog';
import { ProblemBanner } from '../../components/feedback';
import { useProgram } from '../../program-context';
import { useToast } from '../../toasts';

/** The next step of one service, to record as done on a day (default: the status day). */
export interface StepToRecord {
  readonly migration: string;
  readonly service: string;
  readonly step: string;
  readonly day: string;
}

/** Asks the day a service finished its next step and records it; its generated item follows on the server. */
export function RecordStepDialog({ target, onClose }: { target: StepToRecord | null; onClose: () => void }) {
  const { id } = useProgram();
  const toast = useToast();
  const [day, setDay] = useState('');
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const close = () => {
    setDay('');
    setProblem(null);
    onClose();
  };
  const save = async () => {
    if (!target) return;
    setBusy(true);
    const on = day || target.day;
    const done = await api.post(programPath(id, 'migrations', target.migration, 'done'), {
      service: target.service,
      step: target.step,
      on,
    });
    setBusy(false);
    if (!done.ok) return setProblem(done.problem);
    toast(`${target.service} finished ${target.step} on ${on}`);
    close();
  };
  return (
    <Dialog
      open={target !== null}
      title={target ? `Record ${target.step} of ${target.service} as done` : 'Record a step'}
      onClose={close}
      footer={
        <>
          <button type="button" className="btn ghost" onClick={close}>
            Cancel
          </button>
          <button type="button" className="btn primary" disabled={busy} onClick={save}>
            Record done
          </button>
        </>
      }
    >
      {problem ? <ProblemBanner problem={problem} /> : null}
      <label className="field">
        <span>Finished on</span>
        <input type="date" value={day || (target?.day ?? '')} onChange={(e) => setDay(e.target.value)} />
      </label>
    </Dialog>
  );
}
