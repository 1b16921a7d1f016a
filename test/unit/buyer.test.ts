import { expect } from '@open-wc/testing';
import { checkBuyer, checkField, toBuyer, visibleFields } from '../../src/buyer.js';

describe('buyer rules', () => {
  describe('name', () => {
    it('is required', () => {
      expect(checkField('name', '')).to.equal('name-required');
      expect(checkField('name', '   ')).to.equal('name-required');
      expect(checkField('name', undefined)).to.equal('name-required');
    });
    it('needs first and last name separated by a space, Latin or Hangul', () => {
      expect(checkField('name', 'Jack')).to.equal('name-two-words');
      expect(checkField('name', '홍길동')).to.equal('name-two-words');
      expect(checkField('name', 'Jack Son')).to.equal(undefined);
      expect(checkField('name', '홍 길동')).to.equal(undefined);
      expect(checkField('name', '  Mary  Ann Lee ')).to.equal(undefined);
    });
  });

  describe('email', () => {
    it('is required and must be an address', () => {
      expect(checkField('email', '')).to.equal('email-required');
      expect(checkField('email', 'buyer')).to.equal('email-invalid');
      expect(checkField('email', 'buyer@')).to.equal('email-invalid');
      expect(checkField('email', 'buyer@localhost')).to.equal('email-invalid');
      expect(checkField('email', 'a b@example.com')).to.equal('email-invalid');
      expect(checkField('email', 'test@portone.io')).to.equal(undefined);
      expect(checkField('email', ' test@portone.io ')).to.equal(undefined);
    });
    it('has at most 64 characters', () => {
      const local = 'a'.repeat(52);
      expect(`${local}@example.com`).to.have.length(64);
      expect(checkField('email', `${local}@example.com`)).to.equal(undefined);
      expect(checkField('email', `${local}a@example.com`)).to.equal('email-too-long');
    });
  });

  describe('tel', () => {
    it('is optional', () => {
      expect(checkField('tel', '')).to.equal(undefined);
    });
    it('takes digits with + - ( ) and spaces, 7 to 15 digits', () => {
      expect(checkField('tel', '010-1234-5678')).to.equal(undefined);
      expect(checkField('tel', '+82 (10) 1234 5678')).to.equal(undefined);
      expect(checkField('tel', '1234567')).to.equal(undefined);
      expect(checkField('tel', '123456')).to.equal('tel-invalid');
      expect(checkField('tel', '1234567890123456')).to.equal('tel-invalid');
      expect(checkField('tel', '010.1234.5678')).to.equal('tel-invalid');
      expect(checkField('tel', '010-CALL-NOW')).to.equal('tel-invalid');
    });
  });

  describe('postcode', () => {
    it('is optional, at most 10 letters, digits, spaces or hyphens', () => {
      expect(checkField('postcode', '')).to.equal(undefined);
      expect(checkField('postcode', '123-456')).to.equal(undefined);
      expect(checkField('postcode', 'SW1A 1AA')).to.equal(undefined);
      expect(checkField('postcode', '12345678901')).to.equal('postcode-invalid');
      expect(checkField('postcode', '123#45')).to.equal('postcode-invalid');
    });
  });

  describe('address', () => {
    it('is optional, at most 128 characters', () => {
      expect(checkField('addr', '')).to.equal(undefined);
      expect(checkField('addr', '가'.repeat(128))).to.equal(undefined);
      expect(checkField('addr', '가'.repeat(129))).to.equal('addr-too-long');
    });
  });

  it('checks only the fields shown', () => {
    const fields = visibleFields(['tel']);
    expect(fields).to.deep.equal(['name', 'email', 'tel']);
    expect(checkBuyer({ name: 'Jack', email: 'x', postcode: '###' }, fields)).to.deep.equal({
      name: 'name-two-words',
      email: 'email-invalid',
    });
  });

  it('sends trimmed values with one space in the name and leaves out empty or hidden fields', () => {
    const buyer = toBuyer(
      { name: '  Jack   Son ', email: ' jack@example.com ', tel: ' ', addr: 'Seoul', postcode: '12345' },
      visibleFields(['tel', 'addr']),
    );
    expect(buyer).to.deep.equal({ name: 'Jack Son', email: 'jack@example.com', addr: 'Seoul' });
  });

  it('reads e-mail, phone and postcode typed full-width (a Japanese or Chinese keyboard) as ASCII, and sends them so; names and addresses go as typed', () => {
    const typed = {
      name: 'Ｔａｒｏ\u3000Ｙａｍａｄａ',
      email: 'ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ',
      tel: '０９０－１２３４－５６７８',
      addr: '東京都千代田区１－１',
      postcode: '１００－０００１',
    };
    const fields = visibleFields(['tel', 'addr', 'postcode']);
    expect(checkBuyer(typed, fields)).to.deep.equal({});
    expect(toBuyer(typed, fields)).to.deep.equal({
      name: 'Ｔａｒｏ Ｙａｍａｄａ',
      email: 'taro@example.jp',
      tel: '090-1234-5678',
      addr: '東京都千代田区１－１',
      postcode: '100-0001',
    });
    // Digits of other scripts are not ASCII digits in compatibility form either: still refused.
    expect(checkField('tel', '٠١٢٣٤٥٦٧٨')).to.equal('tel-invalid');
  });

  it('takes a phone number of 15 digits, the most E.164 allows, and refuses 16', () => {
    expect(checkField('tel', '+82 10 1234 5678 901')).to.equal(undefined);
    expect(checkField('tel', '+82 10 1234 5678 9012')).to.equal('tel-invalid');
  });
});
