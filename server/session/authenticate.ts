import type { NextFunction, Request, Response } from 'express';
import { verifySession } from './session-token';
import { can, type Action } from './policies';
import { forbidden, unauthenticated } from '../http/errors';
import { trustedTenantId, type TenantId } from '../tenants/tenant-id';
import type { AppRole, Locale } from '../../shared/roles';

/** Who is calling: from a session token the server signed after a verified launch. */
export interface Actor {
  userId: string;
  tenantId: TenantId;
  role: AppRole;
  launchId: string;
  locale: Locale;
}

declare module 'express-serve-static-core' {
  interface Request {
    actor?: Actor;
  }
}

/** Requires `Authorization: Bearer <session token>`; cookies are never consulted. */
export function authenticate(secret: string) {
  return (req: Request, _res: Response, next: NextFunction) => {
    const header = req.get('authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    const claims = match?.[1] ? verifySession(match[1], secret) : null;
    if (!claims) throw unauthenticated();
    req.actor = {
      userId: claims.uid,
      tenantId: trustedTenantId(claims.tid),
      role: claims.role,
      launchId: claims.lid,
      locale: claims.loc,
    };
    next();
  };
}

/** The authenticated caller; only valid behind `authenticate`. */
export function actorOf(req: Request): Actor {
  if (!req.actor) throw unauthenticated();
  return req.actor;
}

/** Middleware: 403 unless the caller's role may perform the action. */
export function authorize(action: Action) {
  return (req: Request, _res: Response, next: NextFunction) => {
    if (!can(actorOf(req).role, action)) throw forbidden();
    next();
  };
}
