/**
 * @module
 * The page frame, on the NL Design System's Utrecht page structure: skip link, header with
 * the product name and the user's organisation (with the switcher for several
 * memberships), navigation, main, footer. Every page renders inside it.
 */
import type { Child } from 'hono/jsx';
import { staticUrl } from './static-assets.js';
import { isAdministrator, ROLE_NAMES, type Viewer } from './viewer.js';

export const PRODUCT_NAME = 'Gunningswijzer';

export type NavKey = 'aanbestedingen' | 'nieuw' | 'rapporten' | 'regio' | 'beheer' | 'account' | 'none';

type LayoutProps = { title: string; viewer?: Viewer | undefined; nav?: NavKey; children?: Child };

function NavLink({ href, current, children }: { href: string; current: boolean; children?: Child }) {
  return (
    <li class="utrecht-nav-list__item">
      <a class="utrecht-link utrecht-link--html-a utrecht-nav-list__link" href={href} aria-current={current ? 'page' : undefined}>
        {children}
      </a>
    </li>
  );
}

function OrganisationSwitcher({ viewer }: { viewer: Viewer }) {
  if (viewer.organisations.length < 2) {
    return viewer.current === undefined ? null : (
      <p class="utrecht-paragraph utrecht-paragraph--distanced">
        {viewer.current.name} ({ROLE_NAMES[viewer.current.role]})
      </p>
    );
  }
  return (
    <form method="post" action="/organisatie" class="gw-inline">
      <div class="utrecht-form-field">
        <div class="utrecht-form-field__label">
          <label class="utrecht-form-label" for="organisatie-keuze">
            Organisatie
          </label>
        </div>
        <div class="utrecht-form-field__input">
          <select id="organisatie-keuze" name="organisationId" class="utrecht-select utrecht-select--html-select">
            {viewer.organisations.map((o) => (
              <option value={o.id} selected={o.id === viewer.current?.id}>
                {o.name} ({ROLE_NAMES[o.role]})
              </option>
            ))}
          </select>
        </div>
      </div>
      <button type="submit" class="utrecht-button utrecht-button--secondary-action">
        Wissel
      </button>
    </form>
  );
}

export function Layout({ title, viewer, nav = 'none', children }: LayoutProps) {
  const mayStartTender = viewer?.current?.role === 'inkoper';
  return (
    <html lang="nl" class="utrecht-root utrecht-theme gunningswijzer-theme">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        {/* The server's default header is no-referrer, with which Chromium sends "Origin: null" on a
            same-origin form POST and the CSRF check (http/csrf.ts) refuses it. same-origin keeps the
            Origin on our own forms and still sends nothing to other sites. */}
        <meta name="referrer" content="same-origin" />
        <title>{`${title} - ${PRODUCT_NAME}`}</title>
        <link rel="icon" href={staticUrl('favicon.svg')} type="image/svg+xml" />
        <link rel="stylesheet" href={staticUrl('noto-sans.css')} />
        <link rel="stylesheet" href={staticUrl('utrecht-tokens.css')} />
        <link rel="stylesheet" href={staticUrl('gunningswijzer-theme.css')} />
        <link rel="stylesheet" href={staticUrl('utrecht-components.css')} />
        <link rel="stylesheet" href={staticUrl('layout.css')} />
        <script src={staticUrl('enhance.js')} defer></script>
      </head>
      <body class="utrecht-document utrecht-document--surface">
        <a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud">
          Naar de inhoud
        </a>
        <div class="utrecht-page">
          <header class="utrecht-page-header">
            <div class="utrecht-page-header__content gw-header">
              <p class="utrecht-heading-3 gw-logo">
                <a class="utrecht-link utrecht-link--html-a gw-logo__link" href="/aanbestedingen">
                  <img class="gw-logo__mark" src={staticUrl('favicon.svg')} alt="" width="32" height="32" />
                  {PRODUCT_NAME}
                </a>
              </p>
              {viewer === undefined ? null : (
                <div class="gw-inline">
                  <p class="utrecht-paragraph utrecht-paragraph--distanced">{viewer.actor.name}</p>
                  <OrganisationSwitcher viewer={viewer} />
                  <form method="post" action="/uitloggen">
                    <button type="submit" class="utrecht-button utrecht-button--subtle">
                      Uitloggen
                    </button>
                  </form>
                </div>
              )}
            </div>
          </header>
          {viewer === undefined ? null : (
            <nav class="utrecht-nav-bar" aria-label="Hoofdmenu">
              <div class="utrecht-nav-bar__content">
                <ul class="utrecht-nav-list" role="list">
                  <NavLink href="/aanbestedingen" current={nav === 'aanbestedingen'}>
                    Aanbestedingen
                  </NavLink>
                  {mayStartTender ? (
                    <NavLink href="/nieuwe-aanbesteding" current={nav === 'nieuw'}>
                      Nieuwe aanbesteding
                    </NavLink>
                  ) : null}
                  {viewer.regions.map((region) => (
                    <NavLink href={`/regio/${region.id}/vergelijking`} current={nav === 'regio'}>
                      {viewer.regions.length === 1 ? 'Regiovergelijking' : `Regiovergelijking ${region.name}`}
                    </NavLink>
                  ))}
                  <NavLink href="/rapporten/controleren" current={nav === 'rapporten'}>
                    Rapport controleren
                  </NavLink>
                  {isAdministrator(viewer) ? (
                    <NavLink href="/beheer" current={nav === 'beheer'}>
                      Beheer
                    </NavLink>
                  ) : null}
                  <NavLink href="/mijn-account" current={nav === 'account'}>
                    Mijn account
                  </NavLink>
                </ul>
              </div>
            </nav>
          )}
          <div class="utrecht-page-content">
            <main class="utrecht-page-content__main" id="inhoud" tabindex={-1}>
              {children}
            </main>
          </div>
          <footer class="utrecht-page-footer">
            <div class="utrecht-page-footer__content">
              <p class="utrecht-paragraph utrecht-paragraph--distanced">
                {PRODUCT_NAME}: beoordelen en gunnen van inburgeringsaanbestedingen, met een gepubliceerde formule en een ondertekend verslag.
              </p>
            </div>
          </footer>
        </div>
      </body>
    </html>
  );
}
