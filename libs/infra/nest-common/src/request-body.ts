import { UnsupportedMediaTypeException } from '@nestjs/common';
import { json, type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { assertStorableInput } from './storable-input.pipe';

/** Above this a request body is answered 413, before it is read any further. */
export const BODY_LIMIT = '64kb';

/** Bytes of a type we do not read are refused outright, rather than silently taken for an empty form. */
const onlyJsonBodies: RequestHandler = (req: Request, _res: Response, next: NextFunction) => {
  const length = Number(req.headers['content-length'] ?? 0);
  const type = req.headers['content-type'];
  const hasBytes = length > 0 || (req.headers['transfer-encoding'] !== undefined && type !== undefined);
  if (hasBytes && !req.is('application/json')) {
    next(new UnsupportedMediaTypeException({
      error: 'unsupported-media-type',
      message: `A request body must be application/json${type ? `, not ${String(type).slice(0, 100)}` : ''}`,
      messageFa: 'متن درخواست باید از نوع JSON (application/json) باشد.',
    }));
    return;
  }
  next();
};

/**
 * Every route, whether or not it reads a body or a query: keys such as
 * `__proto__` or `constructor`, unstorable or control characters and absurd
 * nesting are a 400 naming the place, before any code copies the value.
 */
const onlyStorableInput: RequestHandler = (req: Request, _res: Response, next: NextFunction) => {
  try {
    if (req.body !== undefined) assertStorableInput(req.body, 'body');
    assertStorableInput(req.query, 'query');
    next();
  } catch (error) {
    next(error);
  }
};

/** How a service reads what it is sent: JSON only, at most BODY_LIMIT, nothing hostile past this point. */
export const requestBodyHandling = (): RequestHandler[] => [onlyJsonBodies, json({ limit: BODY_LIMIT }), onlyStorableInput];
