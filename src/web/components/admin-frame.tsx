/**
 * @module
 * The frame of the admin pages (`/beheer/...`): the page heading and a second row of links to
 * the users and, for the platform administrator, the organisations, as a tender's pages have.
 */
import type { Child } from 'hono/jsx';
import { Layout } from '../layout.js';
import type { Viewer } from '../viewer.js';

export type AdminTab = 'gebruikers' | 'organisaties';

export function AdminFrame({ viewer, tab, title, children }: { viewer: Viewer; tab: AdminTab; title: string; children?: Child }) {
  const tabs: { key: AdminTab; label: string; href: string }[] = [
    { key: 'gebruikers', label: 'Gebruikers', href: '/beheer/gebruikers' },
    { key: 'organisaties', label: 'Organisaties', href: '/beheer/organisaties' },
  ];
  return (
    <Layout title={title} viewer={viewer} nav="beheer">
      <h1 class="utrecht-heading-1 utrecht-heading-1--distanced">{title}</h1>
      <nav aria-label="Beheer">
        <ul class="utrecht-nav-list gw-tabs" role="list">
          {tabs.map((t) => (
            <li class="utrecht-nav-list__item">
              <a class="utrecht-link utrecht-link--html-a utrecht-nav-list__link" href={t.href} aria-current={t.key === tab ? 'page' : undefined}>
                {t.label}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </Layout>
  );
}

/** A link in running text. */
export function TextLink({ href, children }: { href: string; children?: Child }) {
  return (
    <a class="utrecht-link utrecht-link--html-a" href={href}>
      {children}
    </a>
  );
}
