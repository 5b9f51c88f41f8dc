import type { OfficeRole } from '@cctv/kernel';
import type { ServiceName } from './envelope';

/** A role a person can sign in with; `system` acts only inside the services. */
export type PersonRole = Exclude<OfficeRole, 'system'>;

/** Who may call a route: anyone, without a token, or people holding one of these roles. */
export type RouteAccess = 'public' | readonly PersonRole[];

/** `METHOD /path/{param}` exactly as the service's OpenAPI document names it. */
export type AccessTable = Readonly<Record<string, RouteAccess>>;

/**
 * The one table of who may call what. Every route of every service is here;
 * the services refuse to start when one is missing, and a test walks each
 * service's OpenAPI document against it with a token of every role.
 *
 * Roles admit a person to a route; some routes then narrow what they may
 * touch: an owner only their own files (matched by the national ID in their
 * token), an inspector only inspections assigned to them.
 */
export const ACCESS = {
  'union-intake': {
    'POST /files': ['owner', 'union-clerk'],
    'GET /files': ['owner', 'union-clerk', 'union-head'],
    'GET /files/{fileId}': ['owner', 'union-clerk', 'union-head'],
    'POST /files/{fileId}/documents/{kind}': ['owner', 'union-clerk'],
    'POST /files/{fileId}/documents/{kind}/accept': ['union-clerk'],
    'POST /files/{fileId}/documents/{kind}/request-again': ['union-clerk'],
    'POST /files/{fileId}/approve': ['union-head'],
    'POST /files/{fileId}/refuse': ['union-head'],
    'GET /statistics': ['analyst', 'union-head'],
    'GET /health': 'public',
  },
  'secretariat-inspection': {
    'POST /files/{fileId}/installation-permit/sign': ['secretariat-officer'],
    'POST /files/{fileId}/operation-requests': ['owner', 'secretariat-officer'],
    'POST /files/{fileId}/inspections': ['secretariat-officer'],
    'POST /files/{fileId}/inspections/{inspectionId}/findings': ['inspector'],
    'POST /files/{fileId}/operation-permit': ['secretariat-officer'],
    'POST /files/{fileId}/operation-refusal': ['secretariat-officer'],
    'POST /files/{fileId}/remediation': ['owner', 'secretariat-officer'],
    'POST /files/{fileId}/renewal-requests': ['owner', 'secretariat-officer'],
    'POST /files/{fileId}/permits/{permitId}/revoke': ['secretariat-officer'],
    'GET /signing-queue': ['secretariat-officer'],
    'GET /operation-requests': ['secretariat-officer'],
    'GET /inspections': ['secretariat-officer', 'inspector'],
    'GET /temporary-permits': ['secretariat-officer'],
    'GET /permits/expiring': ['secretariat-officer', 'registrar'],
    'GET /files/{fileId}': ['owner', 'secretariat-officer', 'inspector'],
    'GET /statistics': ['analyst', 'secretariat-officer'],
    'GET /health': 'public',
  },
  'permit-issuance': {
    'GET /permits': ['registrar', 'secretariat-officer'],
    'GET /permits/{permitNumber}': ['registrar', 'secretariat-officer'],
    'GET /statistics': ['analyst', 'registrar'],
    'GET /verify': 'public',
    'GET /verify/{permitNumber}': 'public',
    'GET /health': 'public',
  },
} as const satisfies Record<ServiceName, AccessTable>;
