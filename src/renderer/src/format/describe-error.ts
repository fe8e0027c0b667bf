import type { TransferableError } from '../../../shared/contract';
import { missingCase } from '../../../shared/missing-case';

function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}

/** What went wrong, as a person would say it: a short lead for the code, then the server's message. */
export function describeError(error: TransferableError): string {
  const detail = sentence(error.message);
  switch (error.code) {
    case 'TRANSPORT':
      return detail || 'The Lifeline server could not be reached.';
    case 'UNAUTHORIZED':
      return 'The server refused this page. Open the address that “lifeline serve” printed again.';
    case 'NOT_FOUND':
      return `Not found. ${detail}`;
    case 'INVALID_STATE':
      return `Not possible right now. ${detail}`;
    case 'INVALID_REQUEST':
      return `The request was refused. ${detail}`;
    case 'UNKNOWN_CHANNEL':
      return 'This page asked for something the server does not offer; the page and the server may be different versions.';
    case 'FILE_NOT_FOUND':
      return `File not found. ${detail}`;
    case 'FILE_UNREADABLE':
      return `The file cannot be read. ${detail}`;
    case 'TOO_LARGE':
      return `Too large. ${detail}`;
    case 'DISK_FULL':
      return `Not enough disk space. ${detail}`;
    case 'NOT_AUDIO':
      // The message names the file and what it is instead ("notes.wav is not audio: it holds text").
      return error.message;
    case 'INTERNAL':
      return 'Lifeline hit an internal error; the details are in its log.';
    case 'STOPPING':
      return 'Lifeline is stopping: running work is finishing. Try again once it has started again.';
    default:
      return missingCase(error.code);
  }
}
