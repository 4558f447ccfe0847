import type { CombinedError } from '@urql/core';

interface CodedMessage {
  code: string;
  message: string;
}

/** What went wrong, each error with the stable code the API gave it (NETWORK_ERROR when none came back). */
export function codedMessages(error: CombinedError): CodedMessage[] {
  if (error.networkError !== undefined) {
    return [
      { code: 'NETWORK_ERROR', message: `The server could not be reached: ${error.networkError.message}` },
    ];
  }
  return error.graphQLErrors.map((item) => ({
    code: typeof item.extensions.code === 'string' ? item.extensions.code : 'ERROR',
    message: item.message,
  }));
}

/** Errors read out by screen readers as they appear (role=alert). */
export function ErrorNotice(props: { error: CombinedError | undefined; title?: string }) {
  if (props.error === undefined) return null;
  return (
    <div role="alert" className="notice notice-error">
      <strong>{props.title ?? 'That did not work.'}</strong>
      <ul>
        {codedMessages(props.error).map((item, index) => (
          <li key={index}>
            <code className="error-code">{item.code}</code> {item.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
