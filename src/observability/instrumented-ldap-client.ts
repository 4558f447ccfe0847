import { Client } from 'ldapts';
import { toAppError } from '../ldap/ldap-error-map.js';
import { ldapEntriesRead, ldapRequestErrors, ldapRequestSeconds } from './metrics.js';

/** The ldapts client with every request Rolesync makes timed, and failures counted by error code. */
export class InstrumentedLdapClient extends Client {
  override startTLS(...args: Parameters<Client['startTLS']>): ReturnType<Client['startTLS']> {
    return timeLdapRequest('starttls', () => super.startTLS(...args));
  }

  override bind(...args: Parameters<Client['bind']>): ReturnType<Client['bind']> {
    return timeLdapRequest('bind', () => super.bind(...args));
  }

  override search(...args: Parameters<Client['search']>): ReturnType<Client['search']> {
    return timeLdapRequest('search', () => super.search(...args));
  }

  override modify(...args: Parameters<Client['modify']>): ReturnType<Client['modify']> {
    return timeLdapRequest('modify', () => super.modify(...args));
  }

  /** Each page is one request to the server: timed one by one, and its entries counted as read. */
  override async *searchPaginated(
    ...args: Parameters<Client['searchPaginated']>
  ): ReturnType<Client['searchPaginated']> {
    const pages = super.searchPaginated(...args);
    try {
      for (;;) {
        const page = await timeLdapRequest('search_page', () => pages.next());
        if (page.done === true) return;
        ldapEntriesRead.inc(page.value.searchEntries.length);
        yield page.value;
      }
    } finally {
      // A reader that stops early closes the underlying search too.
      await pages.return(undefined);
    }
  }
}

async function timeLdapRequest<T>(operation: string, request: () => Promise<T>): Promise<T> {
  const end = ldapRequestSeconds.startTimer({ operation });
  try {
    return await request();
  } catch (error) {
    // Classified like everywhere else; StartTLS failures have their own wording there.
    const context = { operation: operation === 'starttls' ? 'StartTLS' : operation, url: '' };
    ldapRequestErrors.inc({ operation, code: toAppError(error, context).code });
    throw error;
  } finally {
    end();
  }
}
