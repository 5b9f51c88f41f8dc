import { specFor } from '@cctv/kernel/testing';
import type { AcceptDocument, RequestDocumentAgain, SubmitDocument } from '../union-file/commands';
import { unionFileDecider } from '../union-file/decider';
import {
  accepted,
  allAccepted,
  approved,
  command,
  FILE_ID,
  fileOpened,
  iso,
  refused,
  requestedAgain,
  submitted,
} from '../testing/union-file.fixtures';

const spec = specFor(unionFileDecider);
const submit = (kind: SubmitDocument['data']['kind'], reference = 'scan/new.pdf') =>
  command<SubmitDocument>('SubmitDocument', { kind, reference });
const accept = (kind: AcceptDocument['data']['kind']) => command<AcceptDocument>('AcceptDocument', { kind });
const askAgain = (kind: RequestDocumentAgain['data']['kind'], reason = 'تصویر کارت ملی خوانا نیست') =>
  command<RequestDocumentAgain>('RequestDocumentAgain', { kind, reason });

const publicPlaceOpened = fileOpened({
  premises: { kind: 'public-place', address: 'مشهد، بازار رضا', postalCode: '9177948974', residential: false, residentialUnits: null },
  requiredDocuments: ['owner-national-id-card', 'premises-right', 'camera-plan', 'installer-licence'],
});

describe('submitting documents', () => {
  it('given an open file, the owner submits a missing document', () => {
    spec
      .given([fileOpened()])
      .when(submit('premises-right', 'scan/deed.pdf'))
      .then([
        {
          type: 'DocumentSubmitted',
          data: { fileId: FILE_ID, documentKind: 'premises-right', reference: 'scan/deed.pdf', at: iso(5) },
        },
      ]);
  });

  it('a submitted document may be replaced by a better scan before it is judged', () => {
    expect(spec.given([fileOpened(), submitted('camera-plan')]).when(submit('camera-plan')).thenEvents()).toHaveLength(1);
  });

  it('a document asked for again may be submitted again', () => {
    const events = spec.given([fileOpened(), submitted('camera-plan'), requestedAgain('camera-plan')]).when(submit('camera-plan'));
    expect(events.thenEvents()).toHaveLength(1);
  });

  it('an accepted document cannot be replaced', () => {
    spec
      .given([fileOpened(), submitted('camera-plan'), accepted('camera-plan')])
      .when(submit('camera-plan'))
      .thenThrows('document-already-accepted', 'conflict');
  });

  it('a document the file does not require is refused: a public place hands in no assembly approval', () => {
    spec.given([publicPlaceOpened]).when(submit('assembly-approval')).thenThrows('document-not-required', 'invalid');
  });

  it('a submission must point at the scan', () => {
    spec.given([fileOpened()]).when(submit('camera-plan', '  ')).thenThrows('required-field', 'invalid');
  });
});

describe('accepting documents', () => {
  it('given a submitted document, the union accepts it', () => {
    spec
      .given([fileOpened(), submitted('owner-national-id-card')])
      .when(accept('owner-national-id-card'))
      .then([{ type: 'DocumentAccepted', data: { fileId: FILE_ID, documentKind: 'owner-national-id-card', at: iso(5) } }]);
  });

  it('a document never handed in cannot be accepted', () => {
    spec.given([fileOpened()]).when(accept('camera-plan')).thenThrows('document-not-submitted', 'conflict');
  });

  it('a document asked for again cannot be accepted until it is submitted again', () => {
    spec
      .given([fileOpened(), submitted('camera-plan'), requestedAgain('camera-plan')])
      .when(accept('camera-plan'))
      .thenThrows('document-not-submitted', 'conflict');
  });

  it('a document is accepted once', () => {
    spec
      .given([fileOpened(), submitted('camera-plan'), accepted('camera-plan')])
      .when(accept('camera-plan'))
      .thenThrows('document-not-submitted', 'conflict');
  });
});

describe('asking for a document again', () => {
  it('given a submitted but unreadable document, the union asks for it again with the reason', () => {
    spec
      .given([fileOpened(), submitted('owner-national-id-card')])
      .when(askAgain('owner-national-id-card'))
      .then([
        {
          type: 'DocumentRequestedAgain',
          data: { fileId: FILE_ID, documentKind: 'owner-national-id-card', reason: 'تصویر کارت ملی خوانا نیست', at: iso(5) },
        },
      ]);
  });

  it('a missing document may be asked for again', () => {
    expect(spec.given([fileOpened()]).when(askAgain('installer-licence')).thenEvents()).toHaveLength(1);
  });

  it('an accepted document is settled and is not asked for again', () => {
    spec
      .given([fileOpened(), submitted('camera-plan'), accepted('camera-plan')])
      .when(askAgain('camera-plan'))
      .thenThrows('document-not-requestable', 'conflict');
  });

  it('a document already asked for again awaits the owner', () => {
    spec
      .given([fileOpened(), requestedAgain('camera-plan')])
      .when(askAgain('camera-plan'))
      .thenThrows('document-not-requestable', 'conflict');
  });

  it('the owner must be told why', () => {
    spec.given([fileOpened()]).when(askAgain('camera-plan', '')).thenThrows('required-field', 'invalid');
  });
});

describe('documents of a file that is missing or closed', () => {
  it.each([
    ['submitting', submit('camera-plan')],
    ['accepting', accept('camera-plan')],
    ['asking again', askAgain('camera-plan')],
  ])('%s a document of a file never opened: not found', (_, cmd) => {
    spec.given([]).when(cmd).thenThrows('file-not-found', 'not-found');
  });

  it.each([
    ['approved', approved],
    ['refused', refused],
  ])('a %s file takes no more documents', (_, decision) => {
    spec
      .given([fileOpened(), ...allAccepted, decision])
      .when(submit('camera-plan'))
      .thenThrows('file-closed', 'conflict');
  });
});
