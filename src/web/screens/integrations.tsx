import { useState } from 'react';
import { type ApiProblem, api, programPath } from '../api/client';
import { useResource } from '../api/use-resource';
import { Dialog } from '../components/dialog';
import { Loaded } from '../components/feedback';
import { PageHead } from '../components/page-head';
import { useProgram } from '../program-context';
import { useToast } from '../toasts';
import { IntegrationCard } from './integrations/integration-card';
import { IntegrationForm } from './integrations/integration-form';
import { type Integration, type IntegrationKind, isTracker, KIND_NAMES, type Preview } from './integrations/integration-types';
import { MappingPreview } from './integrations/mapping-preview';
import './integrations.css';

type PreviewState = { kind: IntegrationKind; value?: Preview; problem?: ApiProblem; loading?: boolean };

/** Integrations: Jira and GitHub bring work in, Confluence and Slack take the status report out. */
export function IntegrationsScreen() {
  const { id, version, canEdit, role, detail } = useProgram();
  const canAdmin = role === 'admin';
  const toast = useToast();
  const list = useResource<{ integrations: Integration[] }>(programPath(id, 'integrations'), undefined, version);
  const reload = list.reload;
  const [editing, setEditing] = useState<Integration>();
  const [preview, setPreview] = useState<PreviewState>();
  const zone = detail?.program.calendar.timezone ?? 'UTC';

  async function disconnect(i: Integration) {
    if (!window.confirm(`Disconnect ${KIND_NAMES[i.kind]}? Its settings, stored secret and run log are forgotten; synced items stay.`))
      return;
    const r = await api.delete<void>(programPath(id, 'integrations', i.kind));
    if (r.ok) {
      toast(`${KIND_NAMES[i.kind]} disconnected`);
      setEditing(undefined);
      reload();
    }
  }

  return (
    <div className="page intg-page">
      <Loaded resource={list} label="Reading the integrations…">
        {({ integrations }) => {
          const connected = integrations.filter((i) => i.config);
          const card = (i: Integration) => (
            <IntegrationCard
              key={i.kind}
              programId={id}
              integration={i}
              canEdit={canEdit}
              canAdmin={canAdmin}
              onEdit={() => setEditing(i)}
              onPreview={setPreview}
              onChanged={reload}
            />
          );
          return (
            <>
              <PageHead
                title="Integrations"
                sub={
                  connected.length
                    ? `${connected.map((i) => KIND_NAMES[i.kind]).join(', ')} connected`
                    : 'Bring work in from Jira and GitHub; publish the status report to Confluence and Slack.'
                }
              />
              <h2 className="intg-group">Bring work in</h2>
              <div className="grid cols-2 intg-grid">{integrations.filter((i) => isTracker(i.kind)).map(card)}</div>
              {preview ? <MappingPreview {...preview} onClose={() => setPreview(undefined)} /> : null}
              <h2 className="intg-group">Publish the status report</h2>
              <div className="grid cols-2 intg-grid">{integrations.filter((i) => !isTracker(i.kind)).map(card)}</div>
            </>
          );
        }}
      </Loaded>
      <Dialog
        open={editing !== undefined}
        title={`${editing ? KIND_NAMES[editing.kind] : ''} settings`}
        onClose={() => setEditing(undefined)}
      >
        {editing ? (
          <>
            <IntegrationForm
              programId={id}
              integration={editing}
              programZone={zone}
              onCancel={() => setEditing(undefined)}
              onSaved={(message) => {
                toast(message);
                setEditing(undefined);
                reload();
              }}
            />
            {editing.config ? (
              <div className="intg-danger">
                <button type="button" className="btn small danger" onClick={() => disconnect(editing)}>
                  Disconnect {KIND_NAMES[editing.kind]}
                </button>
              </div>
            ) : null}
          </>
        ) : null}
      </Dialog>
    </div>
  );
}
