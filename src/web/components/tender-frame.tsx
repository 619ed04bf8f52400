/**
 * @module
 * The frame of every page of one tender: its name and status, and the tender's own
 * navigation, showing only the pages the caller's roles for this tender can use.
 */
import type { Child } from 'hono/jsx';
import type { Role } from '../../db/schema/index.js';
import type { TenderAccess } from '../../modules/tenders/tender-access.js';
import type { FormErrors } from '../forms/form-errors.js';
import { Layout } from '../layout.js';
import type { Viewer } from '../viewer.js';
import { ErrorSummary } from './alerts.js';
import { StatusBadge } from './status-badge.js';

export type TenderTab = 'overzicht' | 'instellingen' | 'inschrijvingen' | 'panel' | 'beoordelen' | 'consensus' | 'uitslag' | 'rapporten' | 'audit' | 'controle';

const TABS: readonly { key: TenderTab; label: string; path: string; roles: readonly Role[] }[] = [
  { key: 'overzicht', label: 'Overzicht', path: '', roles: ['admin', 'inkoper', 'auditor', 'beoordelaar'] },
  { key: 'instellingen', label: 'Criteria en formule', path: '/instellingen', roles: ['admin', 'inkoper', 'auditor'] },
  { key: 'inschrijvingen', label: 'Inschrijvingen', path: '/inschrijvingen', roles: ['inkoper', 'auditor'] },
  { key: 'panel', label: 'Beoordelingspanel', path: '/panel', roles: ['inkoper', 'auditor', 'beoordelaar'] },
  { key: 'beoordelen', label: 'Beoordelen', path: '/beoordelen', roles: ['beoordelaar'] },
  { key: 'consensus', label: 'Consensus', path: '/consensus', roles: ['inkoper', 'auditor'] },
  { key: 'uitslag', label: 'Uitslag', path: '/uitslag', roles: ['inkoper', 'auditor'] },
  { key: 'rapporten', label: 'Rapporten', path: '/rapporten', roles: ['admin', 'inkoper', 'auditor'] },
  { key: 'audit', label: 'Audit', path: '/audit', roles: ['inkoper', 'auditor'] },
  { key: 'controle', label: 'Controle', path: '/controle', roles: ['inkoper', 'auditor'] },
];

export function tenderPath(access: TenderAccess, tab: TenderTab | string = 'overzicht'): string {
  const path = TABS.find((t) => t.key === tab)?.path ?? `/${tab}`;
  return `/aanbestedingen/${access.tender.id}${path}`;
}

/** A refused form post: its messages go to the top of the page, whichever form on it was sent. */
export type PageErrors = { title: string; errors: FormErrors };

export function TenderFrame({
  viewer,
  access,
  tab,
  title,
  errors,
  children,
}: {
  viewer: Viewer;
  access: TenderAccess;
  tab: TenderTab;
  title: string;
  /**
   * Shown first under the tabs, with focus moved to it: a form low on a long page (the award
   * decision under the ranking and the reviews) must not answer thousands of pixels below
   * where the reader looks (GOV.UK and NL Design System error summary).
   */
  errors?: PageErrors | undefined;
  children?: Child;
}) {
  const { tender } = access;
  const tabs = TABS.filter((t) => t.roles.some((role) => access.roles.has(role)));
  return (
    <Layout title={`${errors === undefined ? '' : 'Fout: '}${title}: ${tender.reference}`} viewer={viewer} nav="aanbestedingen">
      <p class="utrecht-paragraph utrecht-paragraph--distanced">
        {tender.reference} · {tender.lot} · <StatusBadge status={tender.status} />
      </p>
      <h1 class="utrecht-heading-1 utrecht-heading-1--distanced">
        {title}: {tender.title}
      </h1>
      <nav aria-label="Onderdelen van deze aanbesteding">
        <ul class="utrecht-nav-list gw-tabs" role="list">
          {tabs.map((t) => (
            <li class="utrecht-nav-list__item">
              <a
                class="utrecht-link utrecht-link--html-a utrecht-nav-list__link"
                href={tenderPath(access, t.key)}
                aria-current={t.key === tab ? 'page' : undefined}
              >
                {t.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {errors === undefined ? null : <ErrorSummary errors={errors.errors} title={errors.title} />}
      {children}
    </Layout>
  );
}
