import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@cctv/event-store';

/**
 * A file-opening event of the size the union writes: owner, premises, cameras,
 * installer (about 700 bytes of JSON with Persian text).
 */
export function fileOpenedEvent(fileId: string, seq: number): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'FileOpened',
    schemaVersion: 1,
    data: {
      fileId,
      fileNumber: `U-1404-${String(seq % 1_000_000).padStart(6, '0')}`,
      owner: { kind: 'person', nationalId: '0013542419', firstName: 'زهرا', lastName: 'احمدی', mobile: '09151234567' },
      premises: { kind: 'shared-building', address: 'مشهد، بلوار وکیل‌آباد، کوچه ۱۲، پلاک ۴', postalCode: '9177948974', residential: true, residentialUnits: 12 },
      system: {
        cameras: [
          { location: 'ورودی لابی', fieldOfView: 'در ورودی و راهروی لابی' },
          { location: 'پارکینگ', fieldOfView: 'رمپ و درب پارکینگ' },
        ],
        recorder: { model: 'NVR-8CH', retentionDays: 30 },
      },
      installer: { name: 'فنی الکترونیک توس', guildLicenceNumber: '12345' },
      requiredDocuments: ['owner-national-id-card', 'premises-right', 'camera-plan', 'installer-licence', 'assembly-approval'],
      at: '2025-05-01T06:00:00.000Z',
    },
    metadata: {
      occurredAt: '2025-05-01T06:00:00.000Z',
      correlationId: randomUUID(),
      causationId: null,
      actor: { personId: 'clerk-reza', role: 'union-clerk' },
    },
  };
}
